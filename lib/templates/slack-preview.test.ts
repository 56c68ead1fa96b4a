import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { mrkdwnToHtml, SlackPreview } from "@/components/slack-preview";
import { listPresets } from "./presets";
import { renderSlackMessage, type SlackMessage } from "./render-slack";
import { sampleTemplateContext } from "./sample-context";

// The dashboard's Slack preview must show what Slack shows for the JSON the worker sends: these tests
// render the component to HTML for each preset's real output and for hostile values.

const NOW = new Date("2026-11-23T14:05:00Z");

function render(message: SlackMessage): string {
  return renderToStaticMarkup(createElement(SlackPreview, { message, time: NOW }));
}

/** The visible text of some HTML: tags dropped, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("SlackPreview", () => {
  it("renders every preset's message as Slack would: header, bold, code, emoji and the button as elements", () => {
    for (const preset of listPresets("slack")) {
      const context = sampleTemplateContext(preset.eventType ?? "user.updated", { now: NOW });
      const html = render(renderSlackMessage(preset.template, context));
      expect(html, preset.id).toContain('data-block="header"');
      expect(html, preset.id).toMatch(/<strong>[^<]+<\/strong>/);
      expect(html, preset.id).toMatch(/<span class="s-emoji">\p{Extended_Pictographic}/u);
      expect(html, preset.id).toMatch(/<code>[^<]+<\/code>/);
      expect(html, preset.id).toContain(`href="${context.eventUrl}"`);
      expect(html, preset.id).toContain(">View in Hookbell<");
      // No mrkdwn syntax is left for the reader: no *bold* markers, no :shortcodes:, no <url|text>.
      const text = visibleText(html.replace(/<span data-testid="slack-notification-text">.*?<\/span>/, ""));
      expect(text, preset.id).not.toMatch(/\*[^*\s][^*]*\*/);
      expect(text, preset.id).not.toMatch(/:[a-z_]+:/);
      expect(text, preset.id).not.toMatch(/<https?:/);
      expect(text, preset.id).not.toContain("`");
    }
  });

  it("shows an escaped <!channel> from a value as text, and the template's own <!here> as a mention", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    context.event.data = { ...(context.event.data as object), first_name: "<!channel>", last_name: "& co" };
    const message = renderSlackMessage(
      { title: "", body: "<!here> *{{fullName event.data}}*", text: "", facts: "Name: {{fullName event.data}}" },
      context,
    );
    const html = render(message);
    expect(html).toContain("<strong>&lt;!channel&gt; &amp; co</strong>");
    expect(visibleText(html)).toContain("<!channel> & co");
    expect(html).toContain('<span class="s-mention s-at-here">@here</span>');
    expect(html).not.toContain("s-at-channel");
  });

  it("keeps script and markup in values, and in the template's own text, as text", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>"'`;
    context.event.data = { ...(context.event.data as object), first_name: hostile };
    const html = render(
      renderSlackMessage(
        {
          title: "{{event.data.first_name}}",
          // A template is written by a project member and previewed by others: its own markup is text too.
          body: "{{event.data.first_name}} ```{{event.data.first_name}}``` <b onclick=alert(4)>x</b><script>alert(5)</script>",
          text: "{{event.data.first_name}}",
          facts: "Name: {{event.data.first_name}}\nLink: <javascript:alert(3)|click>",
        },
        context,
      ),
    );
    expect(html).not.toMatch(/<script|<img|<b |<[^>]*\son(error|click)=|href="javascript/i);
    expect(visibleText(html)).toContain("<script>alert(1)</script><img src=x onerror=alert(2)>");
  });

  it("keeps markup in a mention's id as text (user, channel and user-group mentions)", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    const html = render(
      renderSlackMessage(
        {
          title: "",
          body: "<@<img src=x onerror=alert(1) x=> <#<a href=//evil.test>x> <!subteam^<iframe srcdoc=y>|team>",
          text: "",
          facts: "",
        },
        context,
      ),
    );
    expect(html).not.toMatch(/<img|<a href="?\/\/evil|<iframe|<[^>]*\son(error|click)=/i);
    expect(visibleText(html)).toContain("@<img src=x onerror=alert(1) x=");
  });

  it("renders mrkdwn styles and Slack's own links", () => {
    expect(mrkdwnToHtml("*b* _i_ ~s~ `c` <https://x.test/a?b=1&amp;c=2|link> :tada:")).toBe(
      '<strong>b</strong> <em>i</em> <del>s</del> <code>c</code> <a href="https://x.test/a?b=1&amp;c=2" target="_blank">link</a> <span class="s-emoji">🎉</span>',
    );
    expect(mrkdwnToHtml("&amp;lt;")).toBe("&amp;lt;");
  });

  it("lays fields out in two columns and the context line in small grey text", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    const preset = listPresets("slack").find((candidate) => candidate.id === "user-created");
    if (!preset) throw new Error("user-created preset missing");
    const html = render(renderSlackMessage(preset.template, context));
    expect(html).toMatch(/class="grid grid-cols-1[^"]*sm:grid-cols-2"/);
    expect(html).toMatch(/class="[^"]*text-\[12px\] text-slate-500"[^>]*data-block="context"/);
    expect(html).toContain(">Hookbell</span>");
    expect(html).toContain(">APP<");
  });
});
