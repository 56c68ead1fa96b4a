import type { HelperDelegate } from "handlebars";
import { boundedJson } from "./bounded-json";
import { changedFields } from "./changed-fields";
import { fullName, nameWithEmail, primaryEmail } from "./clerk-fields";
import { formatDate } from "./format-date";
import { formatDuration } from "./format-duration";
import { formatMoney } from "./format-money";
import { formatPrice } from "./format-price";
import { keyFields } from "./key-fields";
import { JSON_HELPER_MAX } from "./limits";
import { refName } from "./ref-name";
import { chargeOutput, remainingOutput } from "./render-guard";

// Handlebars calls every helper with its hash/options object as the last argument; the helpers
// below take only their positional arguments, and a missing one is simply undefined. What they return
// is charged to the render's output budget as it is produced (render-guard.ts).
function positional(fn: (...args: unknown[]) => unknown): HelperDelegate {
  return (...args: unknown[]) => {
    const out = fn(...args.slice(0, -1));
    if (typeof out === "string") chargeOutput(out.length);
    else if (Array.isArray(out)) chargeOutput(JSON.stringify(out).length);
    return out;
  };
}

export function toJson(value: unknown): string {
  if (value === undefined) return "";
  try {
    // One past what the render may still produce, so a spent budget shows as the budget's own error.
    return boundedJson(value, Math.min(JSON_HELPER_MAX, remainingOutput() + 1));
  } catch {
    return "";
  }
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/** The helpers every alert template can use, by name; see templates/README.md for examples. */
export const TEMPLATE_HELPERS: Record<string, HelperDelegate> = {
  formatDate: positional((value, format) => formatDate(value, format ?? "datetime")),
  formatDuration: positional((seconds) => formatDuration(seconds)),
  money: positional((amount, currency) => formatMoney(amount, currency)),
  price: positional((amount, currency) => formatPrice(amount, currency)),
  json: positional((value) => toJson(value)),
  default: positional((value, fallback) => (isBlank(value) ? (fallback ?? "") : value)),
  eq: positional((a, b) => a === b),
  ne: positional((a, b) => a !== b),
  primaryEmail: positional((user) => primaryEmail(user)),
  fullName: positional((user) => fullName(user)),
  nameWithEmail: positional((user) => nameWithEmail(user)),
  keyFields: positional((value, max, ...exclude) => keyFields(value, max, exclude)),
  changedFields: positional((after, before, max, ...exclude) => changedFields(after, before, max, exclude)),
  refName: positional((ref) => refName(ref)),
};
