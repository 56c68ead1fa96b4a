import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DiscordPreview } from "@/components/discord-preview";
import { listPresets } from "./presets";
import { type DiscordMessage, renderDiscordMessage } from "./render-discord";
import { sampleTemplateContext } from "./sample-context";

// The dashboard's Discord preview must show what Discord shows for the JSON the worker sends: each
// preset's real output and hostile values, rendered to HTML.

const NOW = new Date("2026-11-23T14:05:00Z");

function render(message: DiscordMessage): string {
  return renderToStaticMarkup(createElement(DiscordPreview, { message, time: NOW }));
}

function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("DiscordPreview", () => {
  it("shows every preset as Discord does: linked title, bold description, fields, footer, family colour", () => {
    for (const preset of listPresets("discord")) {
      const context = sampleTemplateContext(preset.eventType ?? "email.created", { now: NOW });
      const message = renderDiscordMessage(preset.template, context);
      const html = render(message);
      const [embed] = message.embeds;
      expect(html, preset.id).toContain(`href="${context.eventUrl}"`);
      expect(html, preset.id).toMatch(/<strong class="font-bold">[^<]+<\/strong>/);
      expect(html, preset.id).toContain(`border-color:#${embed.color.toString(16).padStart(6, "0")}`);
      expect(html, preset.id).toContain(">APP<");
      for (const field of embed.fields) expect(visibleText(html), preset.id).toContain(field.name);
      expect(visibleText(html), preset.id).toContain("Production Clerk · production");
      // No markdown syntax or escape is left for the reader.
      expect(visibleText(html), preset.id).not.toMatch(/\*\*|\\[_*]/);
    }
  });

  it("shows the user's markup and mentions as the text they sent, never as HTML, a link or a ping", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    context.event.data = {
      first_name: "<img src=x onerror=alert(1)> @everyone **bold**",
      last_name: "[click](javascript:alert(1))",
    };
    const message = renderDiscordMessage(
      { title: "{{fullName event.data}}", body: "{{fullName event.data}}", text: "", facts: "" },
      context,
    );
    const html = render(message);
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain("@everyone</span>");
    expect(visibleText(html)).toContain(
      "<img src=x onerror=alert(1)> @\u200beveryone **bold** [click](javascript:alert(1))",
    );
  });

  it("renders the template's own Discord markdown: code, quotes, links", () => {
    const message: DiscordMessage = {
      username: "Hookbell",
      content: "> quoted `code` [docs](https://hookbell.test/docs) [bad](javascript:alert(1))",
      embeds: [{ color: 0, fields: [], footer: { text: "" } }],
      allowed_mentions: { parse: [] },
    };
    const html = render(message);
    expect(html).toMatch(/<code[^>]*>code<\/code>/);
    expect(html).toContain('href="https://hookbell.test/docs"');
    expect(html).not.toContain("javascript:alert");
    expect(html).toContain("border-l-4 pl-3");
  });
});
