import type { AlertTemplate } from "./alert-template";
import { renderPart } from "./compile-template";
import { cap } from "./limits";
import type { TemplateContext } from "./presets";
import {
  escapeTelegramAttribute,
  escapeTelegramText,
  parseTelegramHtml,
  serializeTelegramHtml,
  TelegramHtmlError,
  type TelegramToken,
  truncateTelegramTokens,
  visibleLength,
} from "./telegram-html";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

/** What sendMessage takes besides chat_id. */
export type TelegramMessage = {
  text: string;
  parse_mode: "HTML";
  link_preview_options: { is_disabled: true };
};

/** sendMessage's limit: "1-4096 characters after entities parsing". */
export const TELEGRAM_TEXT_MAX = 4096;

const EMPTY = "The message is empty for this event; Telegram needs some text.";

/**
 * Renders a Telegram alert in its HTML: the title in bold, the body, the facts as "<b>Label:</b> value"
 * lines and a trailer linking to the event with the webhook and environment. Values from the event are
 * escaped (< > & and " in attributes) so they show as typed and cannot make tags or links; the template's
 * own tags must be ones Telegram accepts, or the part is a TemplateError the editor names. The text is cut
 * to 4,096 characters as Telegram counts them (after entities), closing any tag the cut leaves open.
 */
export function renderTelegramMessage(template: AlertTemplate, context: TemplateContext): TelegramMessage {
  const data = toTemplateData(context);
  const title = renderTokens("title", template.title, data);
  const body = renderTokens("body", template.body, data);
  const facts = renderFacts(template.facts, data);
  if (!title.length && !body.length && !facts.length) throw new TemplateError("body", EMPTY);
  const sections: TelegramToken[][] = [];
  if (title.length) sections.push([{ type: "open", tag: "b" }, ...title, { type: "close", tag: "b" }]);
  if (body.length) sections.push(body);
  if (facts.length) sections.push(facts);
  const main = sections.flatMap((section, index) =>
    index ? [{ type: "text", text: "\n\n" } as const, ...section] : section,
  );
  const trailer = parseTelegramHtml(trailerHtml(context));
  const budget = TELEGRAM_TEXT_MAX - visibleLength(trailer) - 2;
  const text = `${serializeTelegramHtml(truncateTelegramTokens(main, budget))}\n\n${serializeTelegramHtml(trailer)}`;
  return { text, parse_mode: "HTML", link_preview_options: { is_disabled: true } };
}

function renderTokens(part: string, source: string, data: Record<string, unknown>): TelegramToken[] {
  return parseOrExplain(part, renderPart(part, source, "html", data).trim());
}

function parseOrExplain(part: string, html: string): TelegramToken[] {
  try {
    return parseTelegramHtml(html);
  } catch (error) {
    if (error instanceof TelegramHtmlError) throw new TemplateError(part, error.message);
    throw error;
  }
}

/** "Label: value" lines, the label in bold; a line whose value rendered blank is left out, as in Slack. */
function renderFacts(source: string, data: Record<string, unknown>): TelegramToken[] {
  const rendered = renderPart("facts", source, "html-line", data);
  // The whole part first, so a tag left open across lines is named as the template's problem.
  parseOrExplain("facts", rendered);
  const lines: TelegramToken[][] = [];
  for (const line of rendered.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const match = /^([^:\n<]{1,80}?):(?:\s+(.*))?$/.exec(trimmed);
    if (!match) {
      lines.push(parseOrExplain("facts", trimmed));
      continue;
    }
    const [, label, value = ""] = match;
    if (!value.trim()) continue;
    lines.push([
      { type: "open", tag: "b" },
      ...parseOrExplain("facts", `${label.trim()}:`),
      { type: "close", tag: "b" },
      { type: "text", text: " " },
      ...parseOrExplain("facts", value.trim()),
    ]);
  }
  return lines.flatMap((line, index) => (index ? [{ type: "text", text: "\n" } as const, ...line] : line));
}

function trailerHtml(context: TemplateContext): string {
  const link = `<a href="${escapeTelegramAttribute(context.eventUrl)}">Open in Hookbell</a>`;
  return [link, cap(context.webhook.name, 200), cap(context.webhook.environment, 40)]
    .filter(Boolean)
    .map((piece, index) => (index ? escapeTelegramText(piece) : piece))
    .join(" · ");
}
