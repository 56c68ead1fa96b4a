import { parsePayload } from "../senders/parse-payload";
import { DATA_MAX_DEPTH, DATA_MAX_ENTRIES, DATA_MAX_STRING } from "./limits";
import type { TemplateContext } from "./presets";

/**
 * The data handed to Handlebars: a JSON-only copy of the context with bounded depth and sizes, so a
 * template can never reach a caller's live objects, getters or class instances, and one huge string
 * repeated by a template cannot exhaust memory.
 */
export function toTemplateData(context: TemplateContext): Record<string, unknown> {
  return copyValue(context, 0) as Record<string, unknown>;
}

function copyValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value.length > DATA_MAX_STRING ? `${value.slice(0, DATA_MAX_STRING)}…` : value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : null;
  if (typeof value !== "object" || depth >= DATA_MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    return value.slice(0, DATA_MAX_ENTRIES).map((item) => copyValue(item, depth + 1) ?? null);
  }
  const out: Record<string, unknown> = {};
  let entries = 0;
  for (const key of Object.keys(value)) {
    // Assigning "__proto__" would replace the copy's prototype rather than add a key.
    if (key === "__proto__") continue;
    if (++entries > DATA_MAX_ENTRIES) break;
    const copied = copyValue((value as Record<string, unknown>)[key], depth + 1);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

/** A received body as the event templates see: its JSON object (also a form's JSON `payload`), or {}. */
export function parseEventBody(body: string): Record<string, unknown> {
  return parsePayload(body) ?? {};
}
