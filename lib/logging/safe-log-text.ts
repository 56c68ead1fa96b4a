import { redactSecrets } from "./redact-secrets";

// Control characters (newlines, carriage returns, terminal escapes) in a message are written as escapes:
// text a client sent (a URL, a header) must never start a line of its own and pass for one of ours.
// Tabs stay; they cannot end a line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** A message as it may appear on a line: secrets blanked, control characters escaped. */
export function safeMessage(message: string): string {
  return escapeControlCharacters(redactSecrets(message));
}

/**
 * Fields with every string's secrets blanked (errors become their name, code, message and stack), a few
 * levels deep: a logged object is small and ours, and anything deeper is summarised, not walked.
 */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactValue(fields, 0) as Record<string, unknown>;
}

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return redactSecrets(value);
  if (value instanceof Error) return describeError(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= 4) return "[nested]";
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item, depth + 1);
  return copy;
}

function describeError(error: Error): Record<string, unknown> {
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    ...(code === undefined ? {} : { code: String(code) }),
    message: redactSecrets(error.message),
    ...(error.stack ? { stack: redactSecrets(error.stack) } : {}),
  };
}
