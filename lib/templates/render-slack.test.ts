import { describe, expect, it } from "vitest";
import { SLACK_FALLBACK_MAX, SLACK_MAX_SECTIONS, SLACK_SECTION_MAX } from "./limits";
import type { TemplateContext } from "./presets";
import { renderSlack } from "./render-slack";
import { sampleTemplateContext } from "./sample-context";
import { slackEscape } from "./slack-escape";

const NOW = new Date("2026-11-23T14:05:00Z");

function contextWith(data: Record<string, unknown>): TemplateContext {
  const context = sampleTemplateContext("user.created", { now: NOW });
  context.event.data = { ...(context.event.data as Record<string, unknown>), ...data };
  return context;
}

function sectionTexts(blocks: Record<string, unknown>[]): string[] {
  return blocks.filter((block) => block.type === "section").map((block) => (block.text as { text: string }).text);
}

describe("renderSlack", () => {
  it("escapes & < > in values so they cannot ping or link", () => {
    const context = contextWith({ first_name: "<!channel>", last_name: "<@U123|boss> & co" });
    const { text, blocks } = renderSlack(
      { text: "*New*: {{event.data.first_name}} / {{fullName event.data}}" },
      context,
    );
    expect(text).toBe("*New*: &lt;!channel&gt; / &lt;!channel&gt; &lt;@U123|boss&gt; &amp; co");
    expect(text).not.toContain("<!channel>");
    expect(JSON.stringify(blocks)).not.toContain("<!channel>");
  });

  it("escapes values even inside triple braces, helper output and object keys", () => {
    const context = contextWith({ first_name: "<!here>", public_metadata: { "<!everyone>": 1 } });
    const source =
      "{{{event.data.first_name}}} {{&event.data.first_name}} {{#each event.data.public_metadata}}{{@key}}{{/each}}";
    const { text } = renderSlack({ text: source }, context);
    expect(text).toBe("&lt;!here&gt; &lt;!here&gt; &lt;!everyone&gt;");
  });

  it("keeps the template's own links and mentions as written", () => {
    const { text } = renderSlack({ text: "<!here> <{{eventUrl}}|View> in <#C123>" }, contextWith({}));
    expect(text).toBe("<!here> <https://hookbell.test/logs/evt_01SAMPLE0000000000000000000|View> in <#C123>");
  });

  it("shows quotes, apostrophes, backticks and = as themselves", () => {
    const { text } = renderSlack(
      { text: "{{event.data.first_name}}" },
      contextWith({ first_name: `O'Hara "=" \`x\`` }),
    );
    expect(text).toBe(`O'Hara "=" \`x\``);
  });

  it("lets helpers compare raw values", () => {
    const { text } = renderSlack(
      { text: '{{#if (eq event.data.first_name "Tom & Jerry")}}match {{event.data.first_name}}{{/if}}' },
      contextWith({ first_name: "Tom & Jerry" }),
    );
    expect(text).toBe("match Tom &amp; Jerry");
  });

  it("ends with a context block naming the webhook, its environment, the event type and time", () => {
    const context = contextWith({});
    context.webhook.name = "Prod <!channel>";
    context.webhook.environment = "test <!here>";
    const { blocks } = renderSlack({ text: "hi" }, context);
    expect(blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "hi" } },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: "Hookbell · Prod &lt;!channel&gt; · *test &lt;!here&gt;* · `user.created` · 23 Nov 2026, 14:05 UTC",
          },
        ],
      },
    ]);
  });

  it("splits long messages into sections of at most 3000 characters, at line breaks", () => {
    const line = `${"word ".repeat(99)}end`;
    const context = contextWith({ lines: Array(20).fill(line) });
    const { text, blocks } = renderSlack({ text: "{{#each event.data.lines}}{{this}}\n{{/each}}" }, context);
    const sections = sectionTexts(blocks);
    expect(sections.length).toBeGreaterThan(1);
    for (const section of sections) {
      expect(section.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
      expect(section.endsWith("end")).toBe(true);
    }
    expect(sections.join("\n")).toBe(Array(20).fill(line).join("\n"));
    expect(text).toHaveLength(SLACK_FALLBACK_MAX);
  });

  it("stops at ten sections, ending with an ellipsis", () => {
    const context = contextWith({ first_name: "&".repeat(20_000) });
    const { blocks } = renderSlack({ text: "{{event.data.first_name}}" }, context);
    const sections = sectionTexts(blocks);
    expect(sections).toHaveLength(SLACK_MAX_SECTIONS);
    expect(sections.at(-1)?.endsWith("…")).toBe(true);
    for (const section of sections) {
      expect(section.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
      // Never cut inside an entity: each section is whole "&amp;" entities (plus the ellipsis).
      expect(section.replace(/…$/, "")).toMatch(/^(&amp;)+$/);
    }
  });

  it("refuses a message that renders empty", () => {
    expect(() => renderSlack({ text: "{{#if nothing}}x{{/if}}\n" }, contextWith({}))).toThrow(
      /^text: The message is empty/,
    );
  });

  it("escapes exactly & < and >", () => {
    expect(slackEscape(`<a href="x">&'</a>`)).toBe(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
  });
});
