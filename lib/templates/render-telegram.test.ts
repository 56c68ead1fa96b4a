import { describe, expect, it } from "vitest";
import type { AlertTemplate } from "./alert-template";
import { listPresets, type TemplateContext } from "./presets";
import { renderTelegramMessage, TELEGRAM_TEXT_MAX } from "./render-telegram";
import { sampleTemplateContext } from "./sample-context";
import { parseTelegramHtml, visibleLength } from "./telegram-html";

const NOW = new Date("2026-11-23T14:05:00Z");

function contextWith(data: Record<string, unknown>, eventType = "user.created"): TemplateContext {
  const context = sampleTemplateContext(eventType, { now: NOW });
  context.event.data = { ...(context.event.data as Record<string, unknown>), ...data };
  return context;
}

const template = (parts: Partial<AlertTemplate>): AlertTemplate => ({
  title: "",
  body: "",
  text: "",
  facts: "",
  ...parts,
});

/** The text as Telegram shows it: tags gone, entities decoded. */
function shown(html: string): string {
  return parseTelegramHtml(html)
    .map((token) => (token.type === "text" ? token.text : ""))
    .join("");
}

describe("renderTelegramMessage", () => {
  it.each(listPresets("telegram").map((preset) => [preset.id, preset] as const))(
    "renders the %s preset as HTML Telegram accepts, within 4,096 characters",
    (_id, preset) => {
      const context = sampleTemplateContext(preset.eventType ?? "user.updated", { now: NOW });
      const message = renderTelegramMessage(preset.template, context);
      expect(message.parse_mode).toBe("HTML");
      expect(message.link_preview_options).toEqual({ is_disabled: true });
      const tokens = parseTelegramHtml(message.text);
      expect(visibleLength(tokens)).toBeLessThanOrEqual(TELEGRAM_TEXT_MAX);
      expect(message.text.startsWith("<b>")).toBe(true);
      expect(message.text).toContain(
        `<a href="${context.eventUrl}">Open in Hookbell</a> · Production Clerk · production`,
      );
      expect(message.text).not.toMatch(/:[a-z_]+:/);
    },
  );

  it("shows the new user's name and email with bold fact labels", () => {
    const preset = listPresets("telegram").find((candidate) => candidate.id === "user-created");
    const message = renderTelegramMessage(
      preset?.template as AlertTemplate,
      contextWith({ first_name: "Ada", last_name: "Lovelace" }),
    );
    expect(message.text).toMatch(/^<b>🎉 New signup: Ada Lovelace<\/b>\n\n<b>Ada Lovelace<\/b> just signed up/);
    expect(message.text).toContain("<b>Name:</b> Ada Lovelace");
  });

  it("escapes markup, entities and mentions in event data so they show as typed", () => {
    const message = renderTelegramMessage(
      template({
        title: "{{event.data.first_name}}",
        body: "{{event.data.last_name}}",
        facts: "Who: {{event.data.username}}",
      }),
      contextWith({
        first_name: '<b>bold</b> & <a href="https://evil.test">x</a>',
        last_name: "@everyone &amp; &#60;i&#62; `code` *star*",
        username: "<tg-spoiler>hi</tg-spoiler>",
      }),
    );
    const tokens = parseTelegramHtml(message.text);
    // The only tags are the renderer's own: the bold title and fact label, and the trailer's link.
    expect(tokens.filter((token) => token.type === "open").map((token) => token.tag)).toEqual(["b", "b", "a"]);
    expect(tokens.find((token) => token.type === "open" && token.tag === "a")).toMatchObject({
      href: "https://hookbell.test/logs/evt_01SAMPLE0000000000000000000",
    });
    expect(shown(message.text)).toContain('<b>bold</b> & <a href="https://evil.test">x</a>');
    expect(shown(message.text)).toContain("@everyone &amp; &#60;i&#62; `code` *star*");
    expect(message.text).not.toMatch(/&(?!lt;|gt;|amp;|quot;)/);
  });

  it("cuts a huge message to 4,096 characters, closing the tag it cut and keeping the link", () => {
    const message = renderTelegramMessage(
      template({ title: "Big", body: "<i>{{event.data.first_name}}</i>" }),
      contextWith({ first_name: "a&b<".repeat(5000) }),
    );
    const tokens = parseTelegramHtml(message.text);
    expect(visibleLength(tokens)).toBe(TELEGRAM_TEXT_MAX);
    expect(message.text).toMatch(/…<\/i>\n\n<a href=/);
    expect(shown(message.text)).toContain("Open in Hookbell");
  });

  it("names a tag Telegram does not allow as the template's problem", () => {
    expect(() => renderTelegramMessage(template({ body: "<div>hi</div>" }), contextWith({}))).toThrow(
      "body: Telegram does not allow <div>",
    );
    expect(() => renderTelegramMessage(template({ title: "<b>open" }), contextWith({}))).toThrow(
      "title: <b> is never closed.",
    );
    expect(() => renderTelegramMessage(template({ facts: '<a href="x" onclick="y">z</a>' }), contextWith({}))).toThrow(
      "facts: Telegram allows no onclick on <a>",
    );
  });

  it("keeps a stray < or & of the template's own text as text", () => {
    const message = renderTelegramMessage(template({ body: "1 < 2 & 3 > 2" }), contextWith({}));
    expect(message.text).toContain("1 &lt; 2 &amp; 3 &gt; 2");
  });

  it("keeps a line break inside a fact's value on its fact: no extra fact, no tag cut in two", () => {
    const preset = listPresets("telegram").find((candidate) => candidate.id === "user-deleted");
    if (!preset) throw new Error("no user-deleted preset");
    const context = contextWith({ external_id: "abc\nAdmin: yes", first_name: "Bob\nRole: admin" }, "user.deleted");
    const message = renderTelegramMessage(preset.template, context);
    expect(message.text).not.toMatch(/<b>(Admin|Role):<\/b>/);
    expect(shown(message.text)).toContain("abc Admin: yes");
  });

  it("refuses a template that renders nothing", () => {
    expect(() => renderTelegramMessage(template({ title: "{{event.data.nothing}}" }), contextWith({}))).toThrow(
      "The message is empty",
    );
  });
});
