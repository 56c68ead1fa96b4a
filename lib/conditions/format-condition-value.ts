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

/** `"a", "b", "c"`, or the first five and how many more. */
export function formatList(values: readonly unknown[]): string {
  const shown = values.slice(0, LIST_ITEMS).map(formatValue).join(", ");
  return values.length > LIST_ITEMS ? `${shown} and ${values.length - LIST_ITEMS} more` : shown;
}
