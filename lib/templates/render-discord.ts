import type { AlertTemplate } from "./alert-template";
import { renderPart } from "./compile-template";
import { cap } from "./limits";
import type { TemplateContext } from "./presets";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

// Discord's documented limits (Discord refuses the whole message past any of them, with 400 code 50035),
// so output is cut to fit, never refused: content 2,000; an embed's title 256, description 4,096, 25
// fields of 256 (name) and 1,024 (value), footer 2,048, and 6,000 characters over all of its text.
export const DISCORD_CONTENT_MAX = 2000;
export const DISCORD_TITLE_MAX = 256;
export const DISCORD_DESCRIPTION_MAX = 4096;
export const DISCORD_MAX_FIELDS = 25;
export const DISCORD_FIELD_NAME_MAX = 256;
export const DISCORD_FIELD_VALUE_MAX = 1024;
export const DISCORD_FOOTER_MAX = 2048;
export const DISCORD_EMBED_TOTAL_MAX = 6000;

export type DiscordField = { name: string; value: string; inline: boolean };
export type DiscordEmbed = {
  title?: string;
  description?: string;
  url?: string;
  color: number;
  fields: DiscordField[];
  footer: { text: string };
  timestamp?: string;
};
export type DiscordMessage = {
  username: string;
  content?: string;
  embeds: DiscordEmbed[];
  /** Always `{ parse: [] }`: nothing in a message, whoever wrote it, may ping anyone. */
  allowed_mentions: { parse: never[] };
};

/** One colour per event family (Discord's palette), so a channel reads at a glance. */
export const DISCORD_COLORS = {
  user: 0x5865f2,
  session: 0x57f287,
  organization: 0xeb459e,
  other: 0x99aab5,
} as const;

// A field needs a name; a facts line without "Label: " is shown under an invisible one, as Discord bots do.
const BLANK_NAME = "\u200b";
const EMPTY = "The message is empty for this event; Discord needs some text.";

/**
 * Renders a Discord alert: one embed (the title linking to the event in Hookbell, the body as its
 * description, the facts as inline fields, a colour per event family, a footer naming the webhook and
 * environment, the time) and the text part as the message's content. Every part is Discord markdown with
 * the event's values escaped, so they can neither format nor look like a mention; allowed_mentions stops
 * pings whatever the template says. Throws TemplateError (naming the part) when a part fails, or when
 * everything is empty.
 */
export function renderDiscordMessage(template: AlertTemplate, context: TemplateContext): DiscordMessage {
  const data = toTemplateData(context);
  const title = renderPart("title", template.title, "discord", data)
    .replace(/\s*[\r\n]+\s*/g, " ")
    .trim();
  const body = renderPart("body", template.body, "discord", data).trim();
  const facts = factFields(renderPart("facts", template.facts, "discord-line", data));
  const text = renderPart("text", template.text, "discord", data).trim();
  if (!title && !body && facts.length === 0 && !text) throw new TemplateError("body", EMPTY);
  const embed: DiscordEmbed = {
    ...(title ? { title: cap(title, DISCORD_TITLE_MAX) } : {}),
    ...(body ? { description: cap(body, DISCORD_DESCRIPTION_MAX) } : {}),
    // A link needs a title to hang on; Discord refuses a url that is not http(s).
    ...(title && /^https?:\/\//.test(context.eventUrl) && context.eventUrl.length <= 2048
      ? { url: context.eventUrl }
      : {}),
    color: colorFor(context.eventType),
    fields: facts,
    // Footers are plain text in Discord: nothing to escape.
    footer: { text: cap(footerText(context), DISCORD_FOOTER_MAX) },
    ...(Number.isNaN(Date.parse(context.receivedAt)) ? {} : { timestamp: new Date(context.receivedAt).toISOString() }),
  };
  return {
    username: "Hookbell",
    ...(text ? { content: cap(text, DISCORD_CONTENT_MAX) } : {}),
    embeds: [fitTotal(embed)],
    allowed_mentions: { parse: [] },
  };
}

export function colorFor(eventType: string): number {
  if (eventType.startsWith("user.")) return DISCORD_COLORS.user;
  if (eventType.startsWith("session.")) return DISCORD_COLORS.session;
  // organization.*, organizationMembership.*, organizationInvitation.*, organizationDomain.*
  if (eventType.startsWith("organization")) return DISCORD_COLORS.organization;
  return DISCORD_COLORS.other;
}

function footerText(context: TemplateContext): string {
  return [context.webhook.name, context.webhook.environment].filter(Boolean).join(" · ");
}

/**
 * Rendered facts, one `Label: value` per line, as inline fields (three to a row in Discord). A fact whose
 * value renders empty is left out, so a preset can list a field an event may lack; past 25 the last field
 * says how many more there were.
 */
export function factFields(facts: string): DiscordField[] {
  const fields = facts
    .split(/\r?\n/)
    .map(toField)
    .filter((field): field is DiscordField => field !== undefined);
  if (fields.length > DISCORD_MAX_FIELDS) {
    const hidden = fields.length - (DISCORD_MAX_FIELDS - 1);
    fields.splice(DISCORD_MAX_FIELDS - 1, fields.length, {
      name: BLANK_NAME,
      value: `…and ${hidden} more`,
      inline: false,
    });
  }
  return fields;
}

function toField(line: string): DiscordField | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  // "Label: value"; a colon with no space after it (a URL, a time) does not start a value.
  const match = /^([^:\n]{1,80}?):(?:\s+(.*))?$/.exec(trimmed);
  if (!match) return { name: BLANK_NAME, value: cap(trimmed, DISCORD_FIELD_VALUE_MAX), inline: false };
  const [, label, value = ""] = match;
  if (!value.trim()) return undefined;
  return {
    name: cap(label.trim(), DISCORD_FIELD_NAME_MAX),
    value: cap(value.trim(), DISCORD_FIELD_VALUE_MAX),
    inline: true,
  };
}

/** The embed's text in all, as Discord counts it for its 6,000 limit. */
export function embedLength(embed: DiscordEmbed): number {
  const fields = embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + fields + embed.footer.text.length;
}

/**
 * Cuts an embed over 6,000 characters: the description gives way first (it is the longest and the facts
 * repeat its point), then fields from the end, then the title. The footer is at most 2,048, so this ends.
 */
function fitTotal(embed: DiscordEmbed): DiscordEmbed {
  let excess = embedLength(embed) - DISCORD_EMBED_TOTAL_MAX;
  if (excess <= 0) return embed;
  const fitted: DiscordEmbed = { ...embed, fields: [...embed.fields] };
  if (fitted.description) {
    const keep = fitted.description.length - excess;
    if (keep >= 2) fitted.description = cap(fitted.description, keep);
    else delete fitted.description;
    excess = embedLength(fitted) - DISCORD_EMBED_TOTAL_MAX;
  }
  while (excess > 0 && fitted.fields.length > 0) {
    fitted.fields.pop();
    excess = embedLength(fitted) - DISCORD_EMBED_TOTAL_MAX;
  }
  if (excess > 0 && fitted.title) {
    fitted.title = cap(fitted.title, Math.max(2, fitted.title.length - excess));
  }
  return fitted;
}
