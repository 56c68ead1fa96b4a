import { z } from "zod";

/**
 * A channel that did not alert on an event, and why: the event-type filter or the condition that failed.
 * Stored as a JSON array on the event row (Event.notAlerted), written in the same statement as the event (or,
 * for a replay, in the replay's transaction), and removed with it. `id` comes from the same time-ordered
 * sequence as the Delivery ids planned with it, so both sort together in the channels' order.
 */
export const NotAlertedSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  kind: z.string(),
  trigger: z.string(),
  reason: z.string().nullable(),
  /** When it was planned (ISO 8601; rows moved from the Delivery table keep their createdAt as stored). */
  at: z.union([z.string(), z.number()]),
});
export type NotAlerted = z.infer<typeof NotAlertedSchema>;

const NotAlertedListSchema = z.array(NotAlertedSchema);

/** The stored column, or null when every channel alerted (or there was none). */
export function serializeNotAlerted(entries: NotAlerted[]): string | null {
  return entries.length === 0 ? null : JSON.stringify(entries);
}

/** Reads the column; a value that is not a list of entries reads as none rather than breaking the log page. */
export function parseNotAlerted(stored: string | null): NotAlerted[] {
  if (stored === null) return [];
  try {
    const parsed = NotAlertedListSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** A replay adds its own entries after the ones already logged for the event. */
export function appendNotAlerted(stored: string | null, added: NotAlerted[]): string | null {
  return serializeNotAlerted([...parseNotAlerted(stored), ...added]);
}

export function notAlertedDate(entry: NotAlerted): Date {
  return new Date(entry.at);
}
