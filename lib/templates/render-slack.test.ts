import { describe, expect, it } from "vitest";
import type { AlertTemplate } from "./alert-template";
import {
  SLACK_CONTEXT_MAX_ELEMENTS,
  SLACK_FALLBACK_MAX,
  SLACK_FIELD_MAX,
  SLACK_FIELDS_PER_SECTION,
  SLACK_HEADER_MAX,
  SLACK_MAX_BLOCKS,
  SLACK_MAX_SECTIONS,
  SLACK_SECTION_MAX,
} from "./limits";
import type { TemplateContext } from "./presets";
import { renderSlackMessage } from "./render-slack";
import { sampleTemplateContext } from "./sample-context";
import type { SlackBlock } from "./slack-blocks";
import { slackEscape } from "./slack-escape";

const NOW = new Date("2026-11-23T14:05:00Z");

function contextWith(data: Record<string, unknown>): TemplateContext {
  const context = sampleTemplateContext("user.created", { now: NOW });
  context.event.data = { ...(context.event.data as Record<string, unknown>), ...data };
  return context;
}

function sectionTexts(blocks: SlackBlock[]): string[] {
  return blocks.flatMap((block) => (block.type === "section" && block.text ? [block.text.text] : []));
}

const VIEW_BUTTON = {
  type: "actions",
  elements: [
    {
      type: "button",
      text: { type: "plain_text", text: "View in Hookbell", emoji: true },
      url: "https://hookbell.test/logs/evt_01SAMPLE0000000000000000000",
      action_id: "view_in_hookbell",
    },
  ],
};

function template(parts: Partial<AlertTemplate>): AlertTemplate {
  return { title: "", body: "", text: "", facts: "", ...parts };
}

describe("renderSlack", () => {
  it("escapes & < > in values so they cannot ping or link", () => {
    const context = contextWith({ first_name: "<!channel>", last_name: "<@U123|boss> & co" });
    const { text, blocks } = renderSlackMessage(
      { title: "", body: "*New*: {{event.data.first_name}} / {{fullName event.data}}", text: "", facts: "" },
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
    const { text } = renderSlackMessage({ title: "", body: source, text: "", facts: "" }, context);
    expect(text).toBe("&lt;!here&gt; &lt;!here&gt; &lt;!everyone&gt;");
  });

  it("keeps the template's own links and mentions as written", () => {
    const { text } = renderSlackMessage(
      { title: "", body: "<!here> <{{eventUrl}}|View> in <#C123>", text: "", facts: "" },
      contextWith({}),
    );
    expect(text).toBe("<!here> <https://hookbell.test/logs/evt_01SAMPLE0000000000000000000|View> in <#C123>");
  });

  it("shows quotes, apostrophes, backticks and = as themselves", () => {
    const { text } = renderSlackMessage(
      { title: "", body: "{{event.data.first_name}}", text: "", facts: "" },
      contextWith({ first_name: `O'Hara "=" \`x\`` }),
    );
    expect(text).toBe(`O'Hara "=" \`x\``);
  });

  it("lets helpers compare raw values", () => {
    const { text } = renderSlackMessage(
      {
        title: "",
        body: '{{#if (eq event.data.first_name "Tom & Jerry")}}match {{event.data.first_name}}{{/if}}',
        text: "",
        facts: "",
      },
      contextWith({ first_name: "Tom & Jerry" }),
    );
    expect(text).toBe("match Tom &amp; Jerry");
  });

  it("ends with a context block naming the webhook, its environment, the event type and time, then the button", () => {
    const context = contextWith({});
    context.webhook.name = "Prod <!channel>";
    context.webhook.environment = "test <!here>";
    const { blocks } = renderSlackMessage({ title: "", body: "hi", text: "", facts: "" }, context);
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
      VIEW_BUTTON,
    ]);
  });

  it("splits long messages into sections of at most 3000 characters, at line breaks", () => {
    const line = `${"word ".repeat(99)}end`;
    const context = contextWith({ lines: Array(20).fill(line) });
    const { text, blocks } = renderSlackMessage(
      { title: "", body: "{{#each event.data.lines}}{{this}}\n{{/each}}", text: "", facts: "" },
      context,
    );
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
    const { blocks } = renderSlackMessage(
      { title: "", body: "{{event.data.first_name}}", text: "", facts: "" },
      context,
    );
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
    expect(() =>
      renderSlackMessage({ title: "", body: "{{#if nothing}}x{{/if}}\n", text: "", facts: "" }, contextWith({})),
    ).toThrow(/^body: The message is empty/);
  });

  it("escapes exactly & < and >", () => {
    expect(slackEscape(`<a href="x">&'</a>`)).toBe(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
  });
});

describe("renderSlackMessage", () => {
  it("lays out header, body, facts as fields, context and a View in Hookbell button", () => {
    const message = renderSlackMessage(
      template({
        title: ":tada: New signup: {{fullName event.data}}",
        body: "*{{fullName event.data}}* just signed up.",
        facts: "Name: {{fullName event.data}}\nEmail: {{primaryEmail event.data}}\nUser ID: `{{event.data.id}}`",
        text: "New signup: {{fullName event.data}}",
      }),
      contextWith({}),
    );
    expect(message.text).toBe("New signup: Ada Lovelace");
    expect(message.blocks.map((block) => block.type)).toEqual(["header", "section", "section", "context", "actions"]);
    expect(message.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: ":tada: New signup: Ada Lovelace", emoji: true },
    });
    expect(message.blocks[1]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: "*Ada Lovelace* just signed up." },
    });
    expect(message.blocks[2]).toEqual({
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*Name*\nAda Lovelace" },
        { type: "mrkdwn", text: "*Email*\nada@example.com" },
        { type: "mrkdwn", text: "*User ID*\n`user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d`" },
      ],
    });
    expect(message.blocks.at(-1)).toEqual(VIEW_BUTTON);
  });

  it("leaves out the header when the title is empty and the fields when no fact has a value", () => {
    const message = renderSlackMessage(
      template({ body: "Hello", facts: "Nickname: {{event.data.nickname}}\n\nPhone: " }),
      contextWith({}),
    );
    expect(message.blocks.map((block) => block.type)).toEqual(["section", "context", "actions"]);
  });

  it("falls back to title and body for the notification text, the title's value escaped", () => {
    const { text } = renderSlackMessage(
      template({ title: "New: {{event.data.first_name}}\nline two", body: "*{{event.data.last_name}}*" }),
      contextWith({ first_name: "<!channel>", last_name: "Lovelace" }),
    );
    expect(text).toBe("New: &lt;!channel&gt; line two\n*Lovelace*");
  });

  it("keeps the header plain text on one line, unescaped, and escapes values in facts", () => {
    const message = renderSlackMessage(
      template({ title: "{{event.data.first_name}}\n  & more", facts: "Name: {{event.data.first_name}}" }),
      contextWith({ first_name: "Tom <!channel> & Jerry" }),
    );
    expect(message.blocks[0]).toMatchObject({ text: { text: "Tom <!channel> & Jerry & more" } });
    expect(message.blocks[1]).toEqual({
      type: "section",
      fields: [{ type: "mrkdwn", text: "*Name*\nTom &lt;!channel&gt; &amp; Jerry" }],
    });
    expect(JSON.stringify(message.blocks.slice(1))).not.toContain("<!channel>");
  });

  it("cuts a 100 KB value and 40 facts to Block Kit's limits instead of failing", () => {
    const huge = "x".repeat(100_000);
    const facts = Array.from({ length: 40 }, (_, index) => `Fact ${index}: {{event.data.huge}}`).join("\n");
    const context = contextWith({ huge });
    context.webhook.name = huge;
    const message = renderSlackMessage(
      template({ title: "{{event.data.huge}}", body: "{{event.data.huge}}", facts, text: "{{event.data.huge}}" }),
      context,
    );
    const { blocks } = message;
    expect(blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_FALLBACK_MAX);
    const header = blocks.find((block) => block.type === "header");
    expect(header?.text.text).toHaveLength(SLACK_HEADER_MAX);
    expect(header?.text.text.endsWith("…")).toBe(true);
    const fieldSections = blocks.filter((block) => block.type === "section" && block.fields);
    expect(fieldSections).toHaveLength(4);
    const fields = fieldSections.flatMap((block) => (block.type === "section" ? (block.fields ?? []) : []));
    expect(fields).toHaveLength(40);
    for (const section of fieldSections) {
      if (section.type === "section") expect(section.fields?.length).toBeLessThanOrEqual(SLACK_FIELDS_PER_SECTION);
    }
    for (const field of fields) {
      expect(field.text.length).toBeLessThanOrEqual(SLACK_FIELD_MAX);
      expect(field.text.endsWith("…")).toBe(true);
    }
    for (const text of sectionTexts(blocks)) expect(text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
    const context_ = blocks.find((block) => block.type === "context");
    expect(context_?.elements.length).toBeLessThanOrEqual(SLACK_CONTEXT_MAX_ELEMENTS);
    for (const element of context_?.elements ?? []) expect(element.text.length).toBeLessThanOrEqual(3000);
    expect(sectionTexts(blocks).length).toBeLessThanOrEqual(SLACK_MAX_SECTIONS);
  });

  it("puts more than fifty facts into five sections, the last field saying how many are hidden", () => {
    const facts = Array.from({ length: 70 }, (_, index) => `Fact ${index}: ${index}`).join("\n");
    const { blocks } = renderSlackMessage(template({ facts }), contextWith({}));
    const fields = blocks.flatMap((block) => (block.type === "section" ? (block.fields ?? []) : []));
    expect(fields).toHaveLength(50);
    expect(fields.at(-1)?.text).toBe("_…and 21 more_");
  });

  it("refuses a template whose every part renders empty", () => {
    expect(() => renderSlackMessage(template({ title: " ", facts: "{{#if x}}y{{/if}}" }), contextWith({}))).toThrow(
      /^body: The message is empty/,
    );
  });

  it("names the part of a template that does not compile", () => {
    expect(() => renderSlackMessage(template({ body: "ok", facts: "{{#if}}" }), contextWith({}))).toThrow(/^facts/);
  });
});
