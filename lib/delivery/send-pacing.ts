import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/client";
import { reserveSendSlotUpsert } from "../db/reserve-send-slot-upsert";
import { getEnv } from "../env";

// Destinations that limit their pace (a channel kind's `pacing`: Slack accepts about one message per second
// per incoming webhook) hand out send slots. The queue of slots lives in the database so that every worker
// process shares it; the key is a hash, so the credential is not stored twice.

export function pacingKey(kind: string, destination: string): string {
  return `${kind}:${createHash("sha256").update(destination).digest("hex").slice(0, 32)}`;
}

/**
 * Reserves the destination's next free send slot: `now` when the destination is idle, else the first slot
 * after those already handed out. Each caller gets its own slot, so a queue drains one per interval, in order.
 * PostgreSQL reserves in one atomic upsert; SQLite (one writer) compares and sets on the value read.
 */
export async function reserveSendSlot(db: Db, key: string, now: Date, intervalMs: number): Promise<Date> {
  if (getEnv().databaseProvider === "postgresql") return reserveSendSlotUpsert(db, key, now, intervalMs);
  for (let attempt = 0; attempt < 50; attempt++) {
    const row = await db.sendPacing.findUnique({ where: { key } });
    if (!row) {
      try {
        await db.sendPacing.create({ data: { key, nextAt: new Date(now.getTime() + intervalMs) } });
        return now;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        continue;
      }
    }
    const slot = row.nextAt > now ? row.nextAt : now;
    // Compare-and-set on the value read: two workers never get the same slot.
    const { count } = await db.sendPacing.updateMany({
      where: { key, nextAt: row.nextAt },
      data: { nextAt: new Date(slot.getTime() + intervalMs) },
    });
    if (count === 1) return slot;
  }
  throw new Error("send pacing is contended; will retry");
}

/** After a 429, nothing more goes to this destination until `until` (Slack's Retry-After). */
export async function holdSendSlots(db: Db, key: string, until: Date): Promise<void> {
  await db.sendPacing.updateMany({ where: { key, nextAt: { lt: until } }, data: { nextAt: until } });
  await db.sendPacing.updateMany({
    where: { key, OR: [{ holdUntil: null }, { holdUntil: { lt: until } }] },
    data: { holdUntil: until },
  });
}

/** Whether a 429 told us to wait past `at`; a slot reserved before the 429 must then queue again. */
export async function isHeld(db: Db, key: string, at: Date): Promise<boolean> {
  const row = await db.sendPacing.findUnique({ where: { key }, select: { holdUntil: true } });
  return Boolean(row?.holdUntil && row.holdUntil > at);
}
