// Discord markdown gives meaning to many characters (bold, italics, strike, spoilers, code, masked links)
// and, at the start of a line, to headings, quotes and lists. A value from the event is escaped so it shows
// exactly as sent: each such character behind a backslash (Discord hides the backslash), and anything
// that looks like a mention (@everyone, @here, <@id>, <#channel>, <:emoji:id>, <t:…>) broken by a
// zero-width space. allowed_mentions already stops the ping; this keeps it from even looking like one.

const INLINE = /[\\*_~`|[\]]/g;
const LINE_START = /^(\s*)([>#+-])/gm;
const NUMBERED = /^(\s*\d+)\./gm;
const MASS_MENTION = /@(everyone|here)/gi;
const ANGLE_MENTION = /<(?=[@#:/]|a:|t:)/gi;
const ZERO_WIDTH_SPACE = "\u200b";
// A value that is one web address (eventUrl, an image URL) is a link to Discord, never markdown: escaping
// its _ would put a backslash into [the event]({{eventUrl}}) and break the link.
const WHOLE_URL = /^https?:\/\/[^\s<>()[\]`|*~\\]+$/;

/** Escapes a value for Discord markdown (message content, embed titles, descriptions and fields). */
export function discordEscape(value: string): string {
  if (WHOLE_URL.test(value)) return value.replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`);
  return value
    .replace(INLINE, "\\$&")
    .replace(LINE_START, "$1\\$2")
    .replace(NUMBERED, "$1\\.")
    .replace(MASS_MENTION, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(ANGLE_MENTION, `<${ZERO_WIDTH_SPACE}`);
}

/** Handlebars' escapeExpression contract (null → "", anything else as a string), Discord's escaping. */
export function escapeDiscordValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return discordEscape(String(value));
}
