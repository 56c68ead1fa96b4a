import type { HeaderLookup } from "./sender";

// Small readers for Sender.identify: a header's trimmed value, a text field of the payload by dotted path.
// Payloads are the sender's JSON, so every step is checked and any other shape yields null.

export function headerText(headers: HeaderLookup, name: string): string | null {
  return headers.get(name)?.trim() || null;
}

/** `field(payload, "data.object.object")`: the text (or number) at the path; null otherwise. */
export function field(payload: unknown, path: string): string | null {
  let value: unknown = payload;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** "pull_request" and "opened" → "pull_request.opened"; a missing action leaves the event alone. */
export function withAction(event: string | null, action: string | null): string | null {
  if (!event) return null;
  return action ? `${event}.${action}` : event;
}
