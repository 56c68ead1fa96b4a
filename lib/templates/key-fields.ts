import { formatDate } from "./format-date";
import { cap, KEY_FIELD_VALUE_MAX, KEY_FIELDS_MAX, KEY_FIELDS_SCANNED } from "./limits";

export type KeyField = { key: string; label: string; value: string };

// An alert should show the few facts a reader scans for, not the payload: the top-level scalar fields
// (text, numbers, yes/no) of an object, in the sender's order, each cut short. Nested objects, arrays,
// nulls and empty strings are left out. The scan, the count and each value are bounded, so a payload of
// thousands of keys or one huge string costs no more than a handful of short lines.

/** Up to `max` (at most KEY_FIELDS_MAX) scalar fields of `value`, skipping the keys in `exclude`. */
export function keyFields(value: unknown, max: unknown, exclude: readonly unknown[] = []): KeyField[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  const limit = Math.min(KEY_FIELDS_MAX, Math.max(0, Math.floor(Number(max) || 0)));
  const fields: KeyField[] = [];
  let scanned = 0;
  for (const key in value) {
    if (fields.length >= limit || ++scanned > KEY_FIELDS_SCANNED) break;
    if (!Object.hasOwn(value, key) || exclude.includes(key)) continue;
    const shown = showScalar(key, (value as Record<string, unknown>)[key]);
    if (shown !== undefined) fields.push({ key, label: toLabel(key), value: cap(shown, KEY_FIELD_VALUE_MAX) });
  }
  return fields;
}

/** A scalar as a reader sees it (dates in `*_at` fields formatted); undefined for anything else or blank. */
export function showScalar(key: string, value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() ? value : undefined;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
  // Clerk (and most senders) name timestamps *_at; an epoch number means nothing to a reader.
  return key.endsWith("_at") ? formatDate(value) : String(value);
}

const ACRONYMS = new Set(["id", "url", "ip", "api", "utc"]);

/** "email_address", "createdAt" and "image_url" → "Email address", "Created at", "Image URL". */
export function toLabel(key: string): string {
  const words = key
    .slice(0, KEY_FIELD_VALUE_MAX)
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(" ");
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}
