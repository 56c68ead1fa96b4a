import type { AlertTemplate } from "./alert-template";
import { renderPart } from "./compile-template";
import { formatDate } from "./format-date";
import { cap } from "./limits";
import type { TemplateContext } from "./presets";
import {
  cutMarkdown,
  fitTeamsMessage,
  parseFacts,
  TEAMS_SUMMARY_MAX,
  TEAMS_TEXT_MAX,
  TEAMS_TITLE_MAX,
  type TeamsCardElement,
  type TeamsMessage,
  textBlock,
} from "./teams-card";
import { teamsEscape } from "./teams-escape";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

export type { TeamsMessage } from "./teams-card";

const EMPTY = "The message is empty for this event; Teams needs some text.";
const URL_MAX = 2_000;

/**
 * Renders a Teams alert as an Adaptive Card 1.4 in the message envelope a Workflows webhook takes: the
 * title (large, bold), a small grey line naming the webhook, environment and time, the body, the facts
 * as a FactSet, and an "Open in Hookbell" button. `text` is the notification summary and the card's
 * fallback. Values from the event are markdown-escaped ("teams" mode) so they cannot format, link or
 * expand; the template's own markdown is kept. Cut to Teams' 28 KB, never refused. Throws TemplateError
 * (naming the part) when a part is invalid or fails, or when everything is empty.
 */
export function renderTeamsMessage(template: AlertTemplate, context: TemplateContext): TeamsMessage {
  const data = toTemplateData(context);
  const title = renderPart("title", template.title, "teams", data)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
  const body = renderPart("body", template.body, "teams", data).trim();
  const factsSource = renderPart("facts", template.facts, "teams", data).trim();
  // The summary is shown as plain text by Teams (notifications, the activity feed): nothing to escape.
  const text = renderPart("text", template.text, "plain", data).replace(/\s+/g, " ").trim();
  if (!title && !body && !factsSource && !text) throw new TemplateError("body", EMPTY);
  const { facts, loose } = parseFacts(factsSource);

  const elements: TeamsCardElement[] = [];
  if (title) elements.push(textBlock(cutMarkdown(title, TEAMS_TITLE_MAX), { size: "Large", weight: "Bolder" }));
  elements.push(textBlock(contextLine(context), { size: "Small", isSubtle: true, spacing: "None" }));
  if (body) elements.push(textBlock(cutMarkdown(body, TEAMS_TEXT_MAX)));
  if (facts.length > 0) elements.push({ type: "FactSet", facts });
  if (loose.length > 0) elements.push(textBlock(loose.join("\n\n")));
  // A message of the text part alone still needs a visible line; escaped, as on the card it is markdown.
  if (!title && !body && facts.length === 0 && loose.length === 0) {
    elements.push(textBlock(cutMarkdown(teamsEscape(text), TEAMS_TEXT_MAX)));
  }
  const summary = cap(text || stripMarkdown(title || body || factsSource), TEAMS_SUMMARY_MAX);
  const url = context.eventUrl;
  const message: TeamsMessage = {
    type: "message",
    summary,
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          msteams: { width: "Full" },
          fallbackText: summary,
          body: elements,
          actions:
            /^https?:\/\//.test(url) && url.length <= URL_MAX
              ? [{ type: "Action.OpenUrl", title: "Open in Hookbell", url }]
              : [],
        },
      },
    ],
  };
  return fitTeamsMessage(message);
}

function contextLine(context: TemplateContext): string {
  return [
    "Hookbell",
    teamsEscape(cap(context.webhook.name, 200)),
    context.webhook.environment ? `**${teamsEscape(cap(context.webhook.environment, 40))}**` : "",
    formatDate(context.receivedAt),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Markdown as the plain line a notification shows: markers and escapes gone. */
function stripMarkdown(markdown: string): string {
  return (
    markdown
      // One pass: an escaped character is kept as itself, an unescaped emphasis marker is dropped.
      .replace(/\\([^\s])|\*\*|__|[*_]/g, (_, escaped: string | undefined) => escaped ?? "")
      .replace(/\s+/g, " ")
      .trim()
  );
}
