import { toJson } from "./helpers";
import { chargeOutput } from "./render-guard";

// A signed webhook's custom body is JSON written by hand with values placed inside its strings:
// "name": "{{event.data.first_name}}". Every such value passes through jsonText (vet-template.ts puts
// it around each {{…}} of a "json" template), so no value can end the string it sits in.

/** The helper's name in the template environment; not one users need to call. */
export const JSON_TEXT_HELPER = "jsonText";

/** `value` as the inside of a JSON string: quotes, backslashes and control characters escaped. */
export function jsonText(value: unknown): string {
  if (value === undefined || value === null) return "";
  // A helper's SafeString (or any object with its own text) is text like any other value here.
  const text =
    typeof value === "string"
      ? value
      : typeof value === "object" &&
          !Array.isArray(value) &&
          typeof (value as { toHTML?: unknown }).toHTML === "function"
        ? String(value)
        : typeof value === "object"
          ? toJson(value)
          : String(value);
  const escaped = JSON.stringify(text).slice(1, -1);
  chargeOutput(escaped.length);
  return escaped;
}
