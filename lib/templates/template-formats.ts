import type { AlertTemplate } from "./alert-template";
import type { EscapeMode } from "./compile-template";
import type { TemplateContext } from "./presets";
import { type DiscordMessage, renderDiscordMessage } from "./render-discord";
import { type RenderedEmail, renderEmail } from "./render-email";
import { renderSlackMessage, type SlackMessage } from "./render-slack";
import { renderTeamsMessage, type TeamsMessage } from "./render-teams";
import { renderTelegramMessage, type TelegramMessage } from "./render-telegram";
import { renderWebhookRequest, type WebhookRequest, webhookBodyProblem } from "./render-webhook";

// A template format is what a kind of channel renders: its parts' escaping, its preset files and its
// renderer. Kinds name the format they use (lib/channels/kinds/), so run-render-job, the checker and the
// presets have no branch per kind. Kept apart from the kind modules because render threads load this
// file: no SMTP or Slack client comes with it.

/** What each part of an AlertTemplate means to a format. A part it does not list stays "" and is unused. */
export type FormatPart = {
  part: keyof AlertTemplate;
  mode: EscapeMode;
  /** templates/<folder>/<presetId>.<file>.hbs holds the presets' source of this part. */
  file: string;
  /** The problem when the part is blank ("The subject is empty."); unset: a blank part is fine. */
  required?: string;
  /** The problem when the source has a line break (a mail header). */
  singleLine?: string;
  /** The problem with what the part rendered to (a JSON body that does not parse); unset: none. */
  checkRendered?(rendered: string, source: string): string | undefined;
};

export type TemplateFormat<Rendered> = {
  /** templates/<folder>/: the presets of this format. */
  folder: string;
  parts: FormatPart[];
  /** A problem of the whole template that no single part shows (an email with neither body). */
  checkWhole?(template: AlertTemplate): { part: keyof AlertTemplate; message: string } | undefined;
  /** Throws TemplateError naming the AlertTemplate part (title, body, text, facts) that failed. */
  render(template: AlertTemplate, context: TemplateContext): Rendered;
};

/** What each format renders to; a render result carries it under the format's id. */
export type RenderedByFormat = {
  email: RenderedEmail;
  slack: SlackMessage;
  discord: DiscordMessage;
  teams: TeamsMessage;
  telegram: TelegramMessage;
  webhook: WebhookRequest;
};
export type TemplateFormatId = keyof RenderedByFormat;

const isFilled = (source: unknown) => typeof source === "string" && source.trim().length > 0;

export const TEMPLATE_FORMATS: { [F in TemplateFormatId]: TemplateFormat<RenderedByFormat[F]> } = {
  email: {
    folder: "email",
    parts: [
      {
        part: "title",
        mode: "plain",
        file: "subject",
        required: "The subject is empty.",
        singleLine: "The subject must be a single line.",
      },
      { part: "body", mode: "html", file: "html" },
      { part: "text", mode: "plain", file: "text" },
    ],
    checkWhole: (template) =>
      isFilled(template.body) || isFilled(template.text)
        ? undefined
        : { part: "body", message: "Write an HTML or a text body." },
    render: renderEmail,
  },
  slack: {
    folder: "slack",
    parts: [
      // Header text is plain_text, shown literally by Slack; the other parts are mrkdwn.
      { part: "title", mode: "plain", file: "title" },
      { part: "body", mode: "slack", file: "body" },
      { part: "facts", mode: "slack", file: "facts" },
      { part: "text", mode: "slack", file: "text" },
    ],
    // Every part blank cannot post (Slack needs some text); a part that renders blank for one event is
    // the renderer's to refuse.
    checkWhole: (template) =>
      // A part that is not text is already refused by its own check.
      [template.title, template.body, template.facts, template.text].some(
        (part) => typeof part !== "string" || isFilled(part),
      )
        ? undefined
        : { part: "body", message: "The message is empty." },
    render: renderSlackMessage,
  },
  discord: {
    folder: "discord",
    // Every part is Discord markdown: the title of the embed, its description, its fields, the content.
    parts: [
      { part: "title", mode: "discord", file: "title" },
      { part: "body", mode: "discord", file: "body" },
      { part: "facts", mode: "discord-line", file: "facts" },
      { part: "text", mode: "discord", file: "text" },
    ],
    checkWhole: (template) =>
      [template.title, template.body, template.facts, template.text].some(
        (part) => typeof part !== "string" || isFilled(part),
      )
        ? undefined
        : { part: "body", message: "The message is empty." },
    render: renderDiscordMessage,
  },
  teams: {
    folder: "teams",
    parts: [
      // Title, body and facts are Teams markdown (TextBlocks and facts); the summary is plain text.
      { part: "title", mode: "teams", file: "title" },
      { part: "body", mode: "teams", file: "body" },
      { part: "facts", mode: "teams", file: "facts" },
      { part: "text", mode: "plain", file: "text" },
    ],
    checkWhole: (template) =>
      [template.title, template.body, template.facts, template.text].some(
        (part) => typeof part !== "string" || isFilled(part),
      )
        ? undefined
        : { part: "body", message: "The message is empty." },
    render: renderTeamsMessage,
  },
  telegram: {
    folder: "telegram",
    // One HTML message (parse_mode "HTML"): values escaped < > & "; the renderer checks the tags.
    parts: [
      { part: "title", mode: "html", file: "title" },
      { part: "body", mode: "html", file: "body" },
      // Read line by line: a line break inside a value must not split a fact (or a tag) in two.
      { part: "facts", mode: "html-line", file: "facts" },
    ],
    checkWhole: (template) =>
      [template.title, template.body, template.facts].some((part) => typeof part !== "string" || isFilled(part))
        ? undefined
        : { part: "body", message: "The message is empty." },
    render: renderTelegramMessage,
  },
  webhook: {
    folder: "webhook",
    // Blank (every preset): the event as received, in Hookbell's envelope; so an all-empty template is fine.
    parts: [
      {
        part: "body",
        mode: "json",
        file: "body",
        checkRendered: (rendered, source) => webhookBodyProblem(rendered.trim(), source),
      },
    ],
    render: renderWebhookRequest,
  },
};

export function isTemplateFormat(id: string): id is TemplateFormatId {
  return Object.hasOwn(TEMPLATE_FORMATS, id);
}
