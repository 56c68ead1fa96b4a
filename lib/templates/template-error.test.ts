import { describe, expect, it } from "vitest";
import { TEMPLATE_MAX_LENGTH } from "./limits";
import { renderEmail } from "./render-email";
import { renderSlackMessage } from "./render-slack";
import { sampleTemplateContext } from "./sample-context";
import { TemplateError } from "./template-error";

const context = sampleTemplateContext("user.created");

function htmlError(html: string): TemplateError {
  try {
    renderEmail({ title: "Subject", body: html, text: "", facts: "" }, context);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("expected a TemplateError");
}

describe("template errors", () => {
  it("points at the end of an unclosed block", () => {
    const error = htmlError("<p>Hello</p>\n{{#if event.type}}\nyes");
    expect(error).toMatchObject({ part: "body", line: 3, column: 4 });
    expect(error.message).toMatch(/^body, line 3, column 4: Unexpected end of template/);
  });

  it("points at an unterminated tag", () => {
    const error = htmlError("first line\n  {{foo");
    expect(error).toMatchObject({ part: "body", line: 2, column: 5 });
    expect(error.detail).toContain("not valid Handlebars");
  });

  it("points at a closing tag that closes nothing", () => {
    const error = htmlError("ok\n<b>{{/each}}</b>");
    expect(error).toMatchObject({ part: "body", line: 2, column: 4 });
    expect(error.detail).toMatch(/^Parse error — expecting .*got 'OPEN_ENDBLOCK'$/);
  });

  it("locates errors in repetitive templates on the right line", () => {
    const line = "{{x}} {{x}} {{x}} {{x}}";
    // The lone "}" of the last tag, column 28, is what the parser cannot read.
    const error = htmlError(`${line}\n${line}\n${line} {{x}`);
    expect(error).toMatchObject({ line: 3, column: 28 });
  });

  it("points at characters Handlebars cannot read", () => {
    const error = htmlError("ok\nab\u0000");
    expect(error).toMatchObject({ part: "body", line: 2, column: 3 });
    expect(error.detail).toContain("cannot read");
  });

  it("names both tags of a mismatched block, at the opening tag", () => {
    const error = htmlError(
      "<ul>\n  {{#each event.data.email_addresses}}\n  <li>{{email_address}}</li>\n  {{/if}}\n</ul>",
    );
    expect(error).toMatchObject({ part: "body", line: 2, column: 6 });
    expect(error.detail).toBe("{{#each}} is closed by {{/if}}; blocks must close in reverse order");
  });

  it("locates unknown helpers", () => {
    const error = htmlError("<p>\n  {{shout event.type}}</p>");
    expect(error).toMatchObject({ part: "body", line: 2, column: 3 });
    expect(error.detail).toContain('Unknown helper "shout"');
  });

  it("explains built-in helpers called without arguments", () => {
    expect(htmlError("{{#each}}x{{/each}}").detail).toBe("Must pass iterator to #each");
    expect(htmlError("{{#if a b}}x{{/if}}").detail).toBe("#if requires exactly one argument");
    expect(htmlError("{{lookup}}").detail).toMatch(/^A helper is missing arguments/);
  });

  it("names the failing part", () => {
    expect(() => renderEmail({ title: "{{#if}}", body: "", text: "", facts: "" }, context)).toThrow(/^title/);
    expect(() => renderEmail({ title: "ok", body: "", text: "{{/x}}", facts: "" }, context)).toThrow(/^text, line 1/);
    expect(() => renderSlackMessage({ title: "", body: "{{", text: "", facts: "" }, context)).toThrow(TemplateError);
  });

  it("refuses parts over the size limit before compiling them", () => {
    const long = "a".repeat(TEMPLATE_MAX_LENGTH + 1);
    expect(() => renderEmail({ title: "s", body: long, text: "", facts: "" }, context)).toThrow(
      `body: The template is ${TEMPLATE_MAX_LENGTH + 1} characters long; the limit is ${TEMPLATE_MAX_LENGTH}.`,
    );
    expect(() => renderSlackMessage({ title: "", body: long, text: "", facts: "" }, context)).toThrow(
      /^body: The template is/,
    );
    expect(
      renderEmail({ title: "s", body: "a".repeat(TEMPLATE_MAX_LENGTH), text: "", facts: "" }, context).html,
    ).toHaveLength(TEMPLATE_MAX_LENGTH);
  });
});
