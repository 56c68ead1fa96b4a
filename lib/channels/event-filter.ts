import { z } from "zod";

/** null = every event; otherwise only the listed types alert (others are logged as "filtered"). */
export type EventFilter = string[] | null;

const StoredFilter = z.array(z.string()).nullable();

export function parseEventFilter(stored: string | null): EventFilter {
  if (stored === null) return null;
  const parsed = StoredFilter.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

export function matchesFilter(filter: EventFilter, eventType: string | null): boolean {
  return filter === null || (eventType !== null && filter.includes(eventType));
}
