// Telegram's HTML (parse_mode "HTML") as tokens: the renderer checks a template's tags with it and cuts the
// message to Telegram's limit without splitting a tag or an entity, and the dashboard's preview builds React
// elements from the same tokens. Pure: render threads and the browser load this file.

/** The tags Telegram's Bot API accepts (https://core.telegram.org/bots/api#html-style), lower case. */
export const TELEGRAM_TAGS = [
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "tg-spoiler",
  "a",
  "code",
  "pre",
  "blockquote",
] as const;
export type TelegramTag = (typeof TELEGRAM_TAGS)[number];

export type TelegramToken =
  | { type: "text"; text: string }
  | { type: "open"; tag: TelegramTag; href?: string }
  | { type: "close"; tag: TelegramTag };

/** A problem in a template's markup, in words for the template editor. */
export class TelegramHtmlError extends Error {}

const ALLOWED = new Set<string>(TELEGRAM_TAGS);
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*>/;
const ATTRIBUTE = /([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const ENTITY = /^&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-zA-Z]+));/;

/**
 * Reads Telegram HTML into tokens. A tag Telegram does not accept, an attribute other than <a href>, or a
 * tag closed out of order is a TelegramHtmlError; a `<` or `&` that starts no tag or known entity is kept
 * as the character it is (the serializer escapes it), as a reader would expect.
 */
export function parseTelegramHtml(html: string): TelegramToken[] {
  const tokens: TelegramToken[] = [];
  const open: TelegramTag[] = [];
  let text = "";
  const flush = () => {
    if (text) tokens.push({ type: "text", text });
    text = "";
  };
  let index = 0;
  while (index < html.length) {
    const char = html[index];
    if (char === "<") {
      const match = TAG.exec(html.slice(index));
      if (match) {
        flush();
        const [whole, slash, rawName, attributes] = match;
        const tag = rawName.toLowerCase();
        if (!ALLOWED.has(tag)) {
          throw new TelegramHtmlError(`Telegram does not allow <${tag}>; use only ${TELEGRAM_TAGS.join(", ")}.`);
        }
        if (slash) closeTag(tag as TelegramTag, open, tokens);
        else tokens.push(openTag(tag as TelegramTag, attributes, open));
        index += whole.length;
        continue;
      }
    } else if (char === "&") {
      const entity = ENTITY.exec(html.slice(index, index + 12));
      const decoded = entity ? decodeEntity(entity) : undefined;
      if (entity && decoded !== undefined) {
        text += decoded;
        index += entity[0].length;
        continue;
      }
    }
    text += char;
    index += 1;
  }
  flush();
  if (open.length > 0) throw new TelegramHtmlError(`<${open[open.length - 1]}> is never closed.`);
  return tokens;
}

function openTag(tag: TelegramTag, attributes: string, open: TelegramTag[]): TelegramToken {
  let href: string | undefined;
  for (const [, name, ...values] of attributes.matchAll(ATTRIBUTE)) {
    if (tag !== "a" || name.toLowerCase() !== "href") {
      throw new TelegramHtmlError(`Telegram allows no ${name} on <${tag}> (only href on <a>).`);
    }
    href = decodeAttribute(values.find((value) => value !== undefined) ?? "");
  }
  if (tag === "a" && !href) throw new TelegramHtmlError("An <a> needs an href.");
  open.push(tag);
  return href === undefined ? { type: "open", tag } : { type: "open", tag, href };
}

function closeTag(tag: TelegramTag, open: TelegramTag[], tokens: TelegramToken[]): void {
  const last = open.pop();
  if (last !== tag) {
    throw new TelegramHtmlError(
      last ? `</${tag}> closes <${last}>; close tags in the order they were opened.` : `</${tag}> closes nothing.`,
    );
  }
  tokens.push({ type: "close", tag });
}

function decodeEntity(match: RegExpExecArray): string | undefined {
  const [, decimal, hex, name] = match;
  if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
  const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
}

function decodeAttribute(value: string): string {
  return value.replace(/&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (entity) => {
    const decoded = decodeEntity(ENTITY.exec(entity) as RegExpExecArray);
    return decoded ?? entity;
  });
}

/** `< > &` as the entities Telegram accepts: event data can then show markup but never make any. */
export function escapeTelegramText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeTelegramAttribute(text: string): string {
  return escapeTelegramText(text).replace(/"/g, "&quot;");
}

/** Tokens back to HTML with only the four entities Telegram names (&lt; &gt; &amp; &quot;). */
export function serializeTelegramHtml(tokens: TelegramToken[]): string {
  return tokens
    .map((token) => {
      if (token.type === "text") return escapeTelegramText(token.text);
      if (token.type === "close") return `</${token.tag}>`;
      return token.href === undefined ? `<${token.tag}>` : `<a href="${escapeTelegramAttribute(token.href)}">`;
    })
    .join("");
}

/** How long Telegram counts the message: its text after entities are parsed, in UTF-16 code units. */
export function visibleLength(tokens: TelegramToken[]): number {
  return tokens.reduce((sum, token) => sum + (token.type === "text" ? token.text.length : 0), 0);
}

/**
 * Cuts tokens to `max` visible characters, ending the text with "…" and closing every tag still open,
 * so the cut never splits a tag, an entity or a surrogate pair.
 */
export function truncateTelegramTokens(tokens: TelegramToken[], max: number): TelegramToken[] {
  if (visibleLength(tokens) <= max) return tokens;
  const kept: TelegramToken[] = [];
  const open: TelegramTag[] = [];
  let left = Math.max(0, max - 1);
  for (const token of tokens) {
    if (token.type === "open") open.push(token.tag);
    if (token.type === "close") open.pop();
    if (token.type !== "text") {
      kept.push(token);
      continue;
    }
    if (token.text.length <= left) {
      kept.push(token);
      left -= token.text.length;
      continue;
    }
    let end = left;
    if (/[\ud800-\udbff]/.test(token.text[end - 1] ?? "")) end -= 1;
    kept.push({ type: "text", text: `${token.text.slice(0, end)}…` });
    break;
  }
  for (const tag of open.reverse()) kept.push({ type: "close", tag });
  // A cut right after an opening tag leaves it empty; Telegram accepts empty entities, the reader sees "…".
  if (!kept.some((token) => token.type === "text" && token.text.endsWith("…"))) kept.push({ type: "text", text: "…" });
  return kept;
}
