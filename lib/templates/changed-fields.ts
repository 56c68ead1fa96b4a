import { boundedJson } from "./bounded-json";
import { showScalar, toLabel } from "./key-fields";
import { cap, KEY_FIELD_VALUE_MAX, KEY_FIELDS_MAX, KEY_FIELDS_SCANNED } from "./limits";

const COMPARED_JSON_MAX = 10_000;

export type ChangedField = { key: string; label: string; from: string; to: string };

// An update alert should say what changed ("Status: pending → paid"), not repeat the whole row: the
// top-level fields whose value differs between the old and the new version of an object (a Supabase row's
// old_record and record), in the new version's order. Bounded like keyFields: the scan, the count and each value.

/** Up to `max` (at most KEY_FIELDS_MAX) fields that differ between `before` and `after`, skipping `exclude`. */
export function changedFields(
  after: unknown,
  before: unknown,
  max: unknown,
  exclude: readonly unknown[] = [],
): ChangedField[] {
  if (!isObject(after) || !isObject(before)) return [];
  const limit = Math.min(KEY_FIELDS_MAX, Math.max(0, Math.floor(Number(max) || 0)));
  const fields: ChangedField[] = [];
  let scanned = 0;
  const keys = new Set([
    ...Object.keys(after).slice(0, KEY_FIELDS_SCANNED),
    ...Object.keys(before).slice(0, KEY_FIELDS_SCANNED),
  ]);
  for (const key of keys) {
    if (fields.length >= limit || ++scanned > KEY_FIELDS_SCANNED) break;
    if (exclude.includes(key)) continue;
    const to = Object.hasOwn(after, key) ? after[key] : undefined;
    const from = Object.hasOwn(before, key) ? before[key] : undefined;
    if (sameValue(from, to)) continue;
    fields.push({ key, label: toLabel(key), from: show(key, from), to: show(key, to) });
  }
  return fields;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Scalars by value; objects and lists by their JSON, bounded so a huge column costs no more than a small one. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  try {
    return boundedJson(a, COMPARED_JSON_MAX) === boundedJson(b, COMPARED_JSON_MAX);
  } catch {
    return false; // Not comparable: shown as changed.
  }
}

function show(key: string, value: unknown): string {
  if (value === undefined || value === null || value === "") return "(empty)";
  if (Array.isArray(value)) return "(list)";
  if (typeof value === "object") return "(object)";
  return cap(showScalar(key, value) ?? "(empty)", KEY_FIELD_VALUE_MAX);
}
