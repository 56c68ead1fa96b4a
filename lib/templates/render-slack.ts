import type { AlertTemplate } from "./alert-template";
import { renderPart } from "./compile-template";
import { formatDate } from "./format-date";
import { cap, SLACK_FALLBACK_MAX, SLACK_MAX_BLOCKS, SLACK_MAX_SECTIONS } from "./limits";
import type { TemplateContext } from "./presets";
import { contextBlock, factSections, headerBlock, type SlackBlock, textSections, viewButton } from "./slack-blocks";
import { fromHtmlEscaping, slackEscape } from "./slack-escape";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

export { splitText } from "./slack-blocks";

export type SlackMessage = { text: string; blocks: SlackBlock[] };

const EMPTY = "The message is empty for this event; Slack needs some text.";

/**
 * Renders a Slack alert as Block Kit: a header (the title, plain text), the body as mrkdwn sections, the
 * facts as section fields, a context line naming the webhook, environment, event type and time, and a
 * "View in Hookbell" button. `text` is the notification fallback: the text part, else title and body.
 * Values from the event are escaped (& < >) so they cannot ping or link; the template's own text, like
 * <{{eventUrl}}|the event>, is kept as written. Output is cut to Block Kit's limits, never refused.
 * Throws TemplateError (naming the part) when a part is invalid or fails, or when everything is empty.
 */
export function renderSlackMessage(template: AlertTemplate, context: TemplateContext): SlackMessage {
  const data = toTemplateData(context);
  // The header is plain_text: Slack shows it literally, so values need no mrkdwn escaping there.
  const title = renderPart("title", template.title, "plain", data).trim();
  const body = renderMrkdwn("body", template.body, data);
  const facts = renderMrkdwn("facts", template.facts, data);
  const text = renderMrkdwn("text", template.text, data);
  if (!title && !body && !facts && !text) throw new TemplateError("body", EMPTY);
  const header = headerBlock(title);
  const fields = factSections(facts);
  const sections = textSections(body, SLACK_MAX_SECTIONS);
  const blocks: SlackBlock[] = [...header, ...sections, ...fields];
  // A message of facts alone (or of the text part alone) still needs a visible line.
  if (blocks.length === 0) blocks.push(...textSections(text, 1));
  const fallback = text || [slackEscape(title.replace(/\s+/g, " ")), body].filter(Boolean).join("\n") || facts;
  const trailer = [...contextBlock([contextLine(context)]), ...viewButton(context.eventUrl)];
  return {
    text: cap(fallback, SLACK_FALLBACK_MAX),
    blocks: [...blocks.slice(0, SLACK_MAX_BLOCKS - trailer.length), ...trailer],
  };
}

function renderMrkdwn(part: string, source: string, data: Record<string, unknown>): string {
  return fromHtmlEscaping(renderPart(part, source, "slack", data)).trim();
}

function contextLine(context: TemplateContext): string {
  return [
    "Hookbell",
    slackEscape(cap(context.webhook.name, 200)),
    context.webhook.environment ? `*${slackEscape(cap(context.webhook.environment, 40))}*` : "",
    context.eventType ? `\`${slackEscape(cap(context.eventType, 200))}\`` : "",
    formatDate(context.receivedAt),
  ]
    .filter(Boolean)
    .join(" · ");
}
