import { describe, expect, it } from "vitest";
import { teamsEscape } from "./teams-escape";
import { teamsMarkdownToHtml } from "./teams-markdown";

describe("the Teams preview's markdown", () => {
  it("renders what Teams honours: bold, italic, links, lists and paragraphs", () => {
    expect(teamsMarkdownToHtml("**Ada** signed up _today_ [open](https://hookbell.test/logs/1)")).toBe(
      '<p><strong>Ada</strong> signed up <em>today</em> <a href="https://hookbell.test/logs/1" target="_blank" rel="noopener noreferrer">open</a></p>',
    );
    expect(teamsMarkdownToHtml("- one\n- two\n\n1. first")).toBe(
      "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>",
    );
    expect(teamsMarkdownToHtml("a\nb\n\nc")).toBe("<p>a<br>b</p><p>c</p>");
  });

  it("shows an escaped value as the characters it holds, never as markup", () => {
    const value = "**Boss** _x_ [click](https://evil.example) - y";
    expect(teamsMarkdownToHtml(teamsEscape(value))).toBe("<p>**Boss** _x_ [click](https://evil.example) - y</p>");
    expect(teamsMarkdownToHtml(teamsEscape("- item"))).toBe("<p>- item</p>");
  });

  it("never lets text become HTML, and keeps only http(s) and mailto links", () => {
    expect(teamsMarkdownToHtml('<img src=x onerror="alert(1)">')).toBe(
      "<p>&#60;img src=x onerror=&#34;alert(1)&#34;&#62;</p>",
    );
    expect(teamsMarkdownToHtml("[x](javascript:alert(1))")).not.toContain("<a");
    expect(teamsMarkdownToHtml('[x](https://e.example/"onmouseover=alert(1))')).not.toMatch(/href="[^"]*"on/);
  });
});
