// GitHub names a pushed branch by its full ref (refs/heads/main); a reader wants "main". Tags likewise.

const SHORTENED = /^refs\/(?:heads|tags)\//;

/** "refs/heads/main" → "main", "refs/tags/v1.2.0" → "v1.2.0"; other refs as they are; "" for non-text. */
export function refName(value: unknown): string {
  return typeof value === "string" ? value.replace(SHORTENED, "") : "";
}
