import type { HelperDelegate } from "handlebars";
import { fullName, primaryEmail } from "./clerk-fields";
import { formatDate } from "./format-date";
import { JSON_HELPER_MAX } from "./limits";

// Handlebars calls every helper with its hash/options object as the last argument; the helpers
// below take only their positional arguments, and a missing one is simply undefined.
function positional(fn: (...args: unknown[]) => unknown): HelperDelegate {
  return (...args: unknown[]) => fn(...args.slice(0, -1));
}

export function toJson(value: unknown): string {
  if (value === undefined) return "";
  let out: string | undefined;
  try {
    out = JSON.stringify(value, null, 2);
  } catch {
    return "";
  }
  if (out === undefined) return "";
  return out.length > JSON_HELPER_MAX ? `${out.slice(0, JSON_HELPER_MAX)}…` : out;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** The helpers every alert template can use, by name; see templates/README.md for examples. */
export const TEMPLATE_HELPERS: Record<string, HelperDelegate> = {
  formatDate: positional((value, format) => formatDate(value, format ?? "datetime")),
  json: positional((value) => toJson(value)),
  default: positional((value, fallback) => (isBlank(value) ? (fallback ?? "") : value)),
  eq: positional((a, b) => a === b),
  ne: positional((a, b) => a !== b),
  primaryEmail: positional((user) => primaryEmail(user)),
  fullName: positional((user) => fullName(user)),
};
