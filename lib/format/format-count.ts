/**
 * A count with its noun in the matching number: "1 event type", "3 event types", "1,204 events".
 * Pass `plural` for nouns that do not just take an "s" ("1 delivery" / "2 deliveries").
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? singular : plural}`;
}
