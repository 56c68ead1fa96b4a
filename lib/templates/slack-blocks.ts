import {
  cap,
  SLACK_BUTTON_URL_MAX,
  SLACK_CONTEXT_MAX_ELEMENTS,
  SLACK_CONTEXT_TEXT_MAX,
  SLACK_FIELD_MAX,
  SLACK_FIELDS_PER_SECTION,
  SLACK_HEADER_MAX,
  SLACK_MAX_FACTS,
  SLACK_SECTION_MAX,
} from "./limits";

// The Block Kit structure of an alert is built here, in code; templates only supply the text that goes
// into it. Every builder cuts its input to Slack's limits (limits.ts) instead of failing: one oversized
// value in an event must still produce an alert.

export type PlainText = { type: "plain_text"; text: string; emoji?: boolean };
export type Mrkdwn = { type: "mrkdwn"; text: string };
export type HeaderBlock = { type: "header"; text: PlainText };
export type SectionBlock = { type: "section"; text?: Mrkdwn; fields?: Mrkdwn[] };
export type ContextBlock = { type: "context"; elements: Mrkdwn[] };
export type ButtonElement = { type: "button"; text: PlainText; url: string; action_id: string; style?: "primary" };
export type ActionsBlock = { type: "actions"; elements: ButtonElement[] };
export type SlackBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/** A header block from rendered plain text; none when it is blank. Line breaks become spaces. */
export function headerBlock(title: string): HeaderBlock[] {
  const text = title.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return text ? [{ type: "header", text: { type: "plain_text", text: cap(text, SLACK_HEADER_MAX), emoji: true } }] : [];
}

/** Rendered mrkdwn as section blocks of at most 3,000 characters each, `maxSections` at most. */
export function textSections(mrkdwn: string, maxSections: number): SectionBlock[] {
  return splitText(mrkdwn, SLACK_SECTION_MAX, maxSections).map((chunk) => ({
    type: "section",
    text: { type: "mrkdwn", text: chunk },
  }));
}

/**
 * Rendered facts, one `Label: value` per line, as section fields `*Label*\nvalue`: ten per section, more
 * into further sections. A fact whose value renders empty is left out, so a preset can list a field an
 * event may lack without an {{#if}}; a line without a label is shown as it is.
 */
export function factSections(facts: string): SectionBlock[] {
  const fields = facts
    .split(/\r?\n/)
    .map(toField)
    .filter((field): field is Mrkdwn => field !== undefined);
  if (fields.length > SLACK_MAX_FACTS) {
    const hidden = fields.length - (SLACK_MAX_FACTS - 1);
    fields.splice(SLACK_MAX_FACTS - 1, fields.length, { type: "mrkdwn", text: `_…and ${hidden} more_` });
  }
  const sections: SectionBlock[] = [];
  for (let start = 0; start < fields.length; start += SLACK_FIELDS_PER_SECTION) {
    sections.push({ type: "section", fields: fields.slice(start, start + SLACK_FIELDS_PER_SECTION) });
  }
  return sections;
}

function toField(line: string): Mrkdwn | undefined {
  const trimmed = line.trim();
  if (!trimmed) return undefined;
  // "Label: value"; a colon with no space after it (a URL, a time, :emoji:) does not start a value.
  const match = /^([^:\n]{1,80}?):(?:\s+(.*))?$/.exec(trimmed);
  if (!match) return { type: "mrkdwn", text: cap(trimmed, SLACK_FIELD_MAX) };
  const [, label, value = ""] = match;
  if (!value.trim()) return undefined;
  return { type: "mrkdwn", text: cap(`*${label.trim()}*\n${value.trim()}`, SLACK_FIELD_MAX) };
}

/** One context block of small grey mrkdwn elements (blank ones dropped, ten at most). */
export function contextBlock(elements: string[]): ContextBlock[] {
  const kept = elements.filter((element) => element.trim()).slice(0, SLACK_CONTEXT_MAX_ELEMENTS);
  if (kept.length === 0) return [];
  return [
    { type: "context", elements: kept.map((text) => ({ type: "mrkdwn", text: cap(text, SLACK_CONTEXT_TEXT_MAX) })) },
  ];
}

/** The "View in Hookbell" button; none when the link is missing or longer than Slack accepts. */
export function viewButton(url: string): ActionsBlock[] {
  if (!/^https?:\/\//.test(url) || url.length > SLACK_BUTTON_URL_MAX) return [];
  const button: ButtonElement = {
    type: "button",
    text: { type: "plain_text", text: "View in Hookbell", emoji: true },
    url,
    action_id: "view_in_hookbell",
  };
  return [{ type: "actions", elements: [button] }];
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
