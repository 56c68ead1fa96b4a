import { cap } from "./limits";

// The Adaptive Card of a Teams alert is built here, in code; templates only supply its text. Teams
// refuses a message over 28 KB, so the card is cut to fit (longest texts first, each ending "…"),
// never refused: one oversized value in an event must still produce an alert.

export type TeamsTextBlock = {
  type: "TextBlock";
  text: string;
  wrap: true;
  size?: "Small" | "Large";
  weight?: "Bolder";
  isSubtle?: boolean;
  spacing?: "None" | "Small" | "Medium";
};
export type TeamsFact = { title: string; value: string };
export type TeamsFactSet = { type: "FactSet"; facts: TeamsFact[] };
export type TeamsCardElement = TeamsTextBlock | TeamsFactSet;
export type TeamsOpenUrl = { type: "Action.OpenUrl"; title: string; url: string };
export type TeamsCard = {
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  type: "AdaptiveCard";
  version: "1.4";
  msteams: { width: "Full" };
  fallbackText: string;
  body: TeamsCardElement[];
  actions: TeamsOpenUrl[];
};
/** What a Workflows webhook ("When a Teams webhook request is received") takes: a message with one card. */
export type TeamsMessage = {
  type: "message";
  /** The notification's one line (Teams' activity feed and toasts). */
  summary: string;
  attachments: [{ contentType: "application/vnd.microsoft.card.adaptive"; contentUrl: null; content: TeamsCard }];
};

/** Teams' limit is 28 KB per message; a margin keeps the envelope's own bytes and JSON escapes inside it. */
export const TEAMS_MAX_BYTES = 27_000;
export const TEAMS_TITLE_MAX = 250;
export const TEAMS_TEXT_MAX = 10_000;
export const TEAMS_MAX_FACTS = 30;
export const TEAMS_FACT_TITLE_MAX = 100;
export const TEAMS_FACT_VALUE_MAX = 1_000;
export const TEAMS_SUMMARY_MAX = 300;

export function textBlock(text: string, style: Omit<TeamsTextBlock, "type" | "text" | "wrap"> = {}): TeamsTextBlock {
  return { type: "TextBlock", text, wrap: true, ...style };
}

/**
 * Rendered facts, one `Label: value` per line, as a FactSet (a later colon stays in the value); a fact
 * whose value renders empty is left out, and a line without a label goes to `loose` to be shown as text.
 */
export function parseFacts(facts: string): { facts: TeamsFact[]; loose: string[] } {
  const parsed: TeamsFact[] = [];
  const loose: string[] = [];
  for (const line of facts.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    // "Label: value"; a colon with no space after it (a URL, a time) does not start a value.
    const match = /^([^:\n]{1,80}?):(?:\s+(.*))?$/.exec(trimmed);
    if (!match) {
      loose.push(cutMarkdown(trimmed, TEAMS_FACT_VALUE_MAX));
      continue;
    }
    const [, label, value = ""] = match;
    if (!value.trim()) continue;
    parsed.push({
      title: cutMarkdown(label.trim(), TEAMS_FACT_TITLE_MAX),
      value: cutMarkdown(value.trim(), TEAMS_FACT_VALUE_MAX),
    });
  }
  if (parsed.length > TEAMS_MAX_FACTS) {
    const hidden = parsed.length - (TEAMS_MAX_FACTS - 1);
    parsed.splice(TEAMS_MAX_FACTS - 1, parsed.length, { title: "…", value: `and ${hidden} more` });
  }
  return { facts: parsed, loose };
}

/** `text` cut to `max` characters with "…", never leaving a lone escaping backslash before the "…". */
export function cutMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = cap(text, max);
  const body = cut.slice(0, -1);
  const trailing = /\\+$/.exec(body)?.[0].length ?? 0;
  return trailing % 2 === 1 ? `${body.slice(0, -1)}…` : cut;
}

export function byteSize(message: TeamsMessage): number {
  return Buffer.byteLength(JSON.stringify(message), "utf8");
}

type TextSlot = { get(): string; set(value: string): void };

/** Every text of the message that may be cut, as slots (the action's URL and the fixed labels are not). */
function textSlots(message: TeamsMessage): TextSlot[] {
  const card = message.attachments[0].content;
  const slots: TextSlot[] = [
    { get: () => message.summary, set: (value) => (message.summary = value) },
    { get: () => card.fallbackText, set: (value) => (card.fallbackText = value) },
  ];
  for (const element of card.body) {
    if (element.type === "TextBlock") slots.push({ get: () => element.text, set: (value) => (element.text = value) });
    else {
      for (const fact of element.facts) {
        slots.push({ get: () => fact.value, set: (value) => (fact.value = value) });
        slots.push({ get: () => fact.title, set: (value) => (fact.title = value) });
      }
    }
  }
  return slots;
}

/**
 * Cuts the message, in place, until its JSON is at most `maxBytes`: every text longer than one length
 * is cut to it, and that length is the largest that fits (a binary search), so the longest texts give
 * way first and short ones (labels, the context line) stay whole.
 */
export function fitTeamsMessage(message: TeamsMessage, maxBytes = TEAMS_MAX_BYTES): TeamsMessage {
  if (byteSize(message) <= maxBytes) return message;
  const slots = textSlots(message);
  const originals = slots.map((slot) => slot.get());
  const capAt = (length: number) => {
    for (const [index, slot] of slots.entries()) slot.set(cutMarkdown(originals[index], length));
    return byteSize(message) <= maxBytes;
  };
  let low = 1;
  let high = Math.max(...originals.map((text) => text.length));
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (capAt(middle)) low = middle;
    else high = middle - 1;
  }
  if (capAt(low)) return message;
  // Only an absurd number of tiny parts gets here: keep the title and the context line.
  const card = message.attachments[0].content;
  card.body = card.body.filter((element) => element.type === "TextBlock").slice(0, 2);
  return message;
}
