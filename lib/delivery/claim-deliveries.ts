import type { Db } from "../db/client";
import { randomBase62 } from "../ids";

export const DUE_STATUSES = ["pending", "retrying", "sending"];

/** `lostSince`: the row was taken over from a worker whose lease ran out; its last sign of life. */
export type Claim = { id: string; token: string; lostSince: Date | null };

/**
 * Claims up to `limit` due deliveries. A row is due when its nextAttemptAt has passed: a pending or
 * retrying row's next attempt, or a sending row's lease (its worker died mid-send). Each claim is a
 * conditional update on the values just read, so two workers can never hold the same row.
 */
export async function claimDeliveries(db: Db, limit: number, now: Date, leaseMs: number): Promise<Claim[]> {
  if (limit <= 0) return [];
  const due = await db.delivery.findMany({
    where: { status: { in: DUE_STATUSES }, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, status: true, nextAttemptAt: true },
  });
  const claims: Claim[] = [];
  for (const row of due) {
    const token = randomBase62(16);
    const { count } = await db.delivery.updateMany({
      where: { id: row.id, status: row.status, nextAttemptAt: row.nextAttemptAt },
      data: { status: "sending", leaseToken: token, nextAttemptAt: new Date(now.getTime() + leaseMs) },
    });
    if (count === 1) {
      const lostSince =
        row.status === "sending" && row.nextAttemptAt ? new Date(row.nextAttemptAt.getTime() - leaseMs) : null;
      claims.push({ id: row.id, token, lostSince });
    }
  }
  return claims;
}

/** When the next delivery falls due, so an idle worker can sleep until then. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const next = await db.delivery.findFirst({
    where: { status: { in: DUE_STATUSES } },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  return next?.nextAttemptAt ?? null;
}
