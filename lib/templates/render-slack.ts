import { renderPart } from "./compile-template";
import { formatDate } from "./format-date";
import { cap, SLACK_FALLBACK_MAX, SLACK_MAX_SECTIONS, SLACK_SECTION_MAX } from "./limits";
import type { SlackTemplate, TemplateContext } from "./presets";
import { fromHtmlEscaping, slackEscape } from "./slack-escape";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

export type SlackMessage = { text: string; blocks: Record<string, unknown>[] };

/**
 * Renders a Slack alert: the template's mrkdwn in section blocks, then a context line naming the
 * webhook, event type and time. Values from the event are escaped (& < >) so they cannot ping or
 * link; the template's own text, like <{{eventUrl}}|View in Hookbell>, is kept as written.
 * Throws TemplateError (part "text") when the template is invalid, fails, or renders nothing.
 */
export function renderSlack(template: SlackTemplate, context: TemplateContext): SlackMessage {
  const rendered = fromHtmlEscaping(renderPart("text", template.text, "slack", toTemplateData(context))).trim();
  if (!rendered) throw new TemplateError("text", "The message is empty for this event; Slack needs some text.");
  const sections = splitText(rendered, SLACK_SECTION_MAX, SLACK_MAX_SECTIONS).map((chunk) => ({
    type: "section",
    text: { type: "mrkdwn", text: chunk },
  }));
  const facts = [
    "Hookbell",
    slackEscape(cap(context.webhook.name, 200)),
    context.webhook.environment ? `*${slackEscape(cap(context.webhook.environment, 40))}*` : "",
    context.eventType ? `\`${slackEscape(cap(context.eventType, 200))}\`` : "",
    formatDate(context.receivedAt),
  ];
  return {
    text: cap(rendered, SLACK_FALLBACK_MAX),
    blocks: [...sections, { type: "context", elements: [{ type: "mrkdwn", text: facts.filter(Boolean).join(" · ") }] }],
  };
}

/**
 * Cuts text into chunks of at most `max` characters, preferring line breaks, then spaces, and never
 * cutting inside an entity such as &amp;. Past `maxChunks`, the last chunk ends with "…".
 */
export function splitText(text: string, max: number, maxChunks: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max && chunks.length < maxChunks - 1) {
    const window = rest.slice(0, max);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    if (cut < max / 2) cut = safeCut(window);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, "");
  }
  chunks.push(rest.length > max ? `${rest.slice(0, safeCut(rest.slice(0, max - 1)))}…` : rest);
  return chunks.filter((chunk) => chunk.length > 0);
}

/** The length of `window` minus any entity or surrogate pair its end would split. */
function safeCut(window: string): number {
  const entity = /&[a-z#0-9]{0,8}$/i.exec(window);
  let cut = entity ? entity.index : window.length;
  if (/[\ud800-\udbff]/.test(window[cut - 1] ?? "")) cut -= 1;
  return cut > 0 ? cut : window.length;
}
