/**
 * Joins messages (zod issues, field problems) into prose: each one ends with a full stop unless it
 * already ends with punctuation, and they are separated by a space. Joining with "; " produced
 * "…from Clerk.; provider: …".
 */
export function joinSentences(messages: readonly string[]): string {
  return messages
    .map((message) => message.trim())
    .filter(Boolean)
    .map((message) => (/[.!?…]$/.test(message) ? message : `${message}.`))
    .join(" ");
}
