import { open, type SealedField } from "./secret-box";

const MAX_REMEMBERED = 10_000;
const opened = new Map<string, string>();

/**
 * `open()` for values read on the ingest hot path: a webhook's signing secrets are opened on every
 * request, and an AES-GCM context costs more than the rest of the lookup. A sealed value always opens to
 * the same plaintext for the same field, so it is remembered by both (at most 10,000 of them); a
 * changed secret is a different sealed value and is opened afresh.
 */
export function openRemembered(stored: string, field: SealedField): string {
  const key = `${field.table}.${field.column}:${field.id}\n${stored}`;
  let plain = opened.get(key);
  if (plain === undefined) {
    plain = open(stored, field);
    if (opened.size >= MAX_REMEMBERED) opened.delete(opened.keys().next().value as string);
    opened.set(key, plain);
  }
  return plain;
}
