// How conditions and payload values appear in the sentences users read (the notification log's "not
// alerted" reasons, the dialog's errors): short, quoted, and never longer than a line however big the value.

const VALUE_CHARS = 60;
const LIST_ITEMS = 5;

export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair: half an emoji would print as garbage.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

export function joinPath(path: string, key: string): string {
  return path === "" ? key : `${path}.${key}`;
}

/** `"ada@example.com"`, `4`, `true`, `null`, `a list of 3 items`, `an object`. */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(cutText(value, VALUE_CHARS));
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "an empty list";
    return value.length === 1 ? "a list of 1 item" : `a list of ${value.length} items`;
  }
  return typeof value === "object" ? "an object" : "not a JSON value";
}

export function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return `a ${typeof value}`;
}

/** The value with its kind when the kind is what went wrong: `"many" (a string)`, `an object`. */
export function formatWithKind(value: unknown): string {
  if (value !== null && typeof value === "object") return formatValue(value);
  if (value === null) return "null";
  return `${formatValue(value)} (${describeKind(value)})`;
}

/**
 * A value as JSON, cut at `max` characters: written piece by piece and stopped once long enough, so a
 * referenced list of a million elements costs no more than a short one.
 */
export function previewJson(value: unknown, max = VALUE_CHARS): string {
  let out = "";
  const write = (value: unknown): boolean => {
    if (out.length > max) return false;
    if (value === null || typeof value !== "object") {
      out += typeof value === "string" ? JSON.stringify(cutText(value, max)) : (JSON.stringify(value) ?? "null");
      return true;
    }
    if (Array.isArray(value)) {
      out += "[";
      for (let i = 0; i < value.length; i++) {
        if (!write(value[i])) return false;
        if (i < value.length - 1) out += ",";
      }
      out += "]";
      return true;
    }
    out += "{";
    let first = true;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (!first) out += ",";
      first = false;
      out += `${JSON.stringify(cutText(key, max))}:`;
      if (!write((value as Record<string, unknown>)[key])) return false;
    }
    out += "}";
    return true;
  };
  write(value);
  return cutText(out, max);
}

/** `"a", "b", "c"`, or the first five and how many more. */
export function formatList(values: readonly unknown[]): string {
  const shown = values.slice(0, LIST_ITEMS).map(formatValue).join(", ");
  return values.length > LIST_ITEMS ? `${shown} and ${values.length - LIST_ITEMS} more` : shown;
}
