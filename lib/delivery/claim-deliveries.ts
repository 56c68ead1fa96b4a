import { claimDeliveriesSkipLocked } from "../db/claim-deliveries-skip-locked";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { randomBase62 } from "../ids";

export const DUE_STATUSES = ["pending", "retrying", "sending"];

/** `lostSince`: the row was taken over from a worker whose lease ran out; its last sign of life. */
export type Claim = { id: string; token: string; lostSince: Date | null };

/**
 * Claims up to `limit` due deliveries. A row is due when its nextAttemptAt has passed: a pending or
 * retrying row's next attempt, or a sending row's lease (its worker died mid-send).
 *
 * The lease: a claimed row is `sending` with a fresh lease token and nextAttemptAt = now + leaseMs. The
 * worker renews it while the send is in progress and fences every write that settles the row by the token.
 * A worker that dies leaves the row `sending` with a lease that runs out; it then falls due again, and the
 * next claim takes it over with a new token (`lostSince` records when the old worker was last heard from).
 *
 * Two workers never hold the same row. PostgreSQL claims in one statement with FOR UPDATE SKIP LOCKED, so
 * many workers claim side by side without waiting on each other. SQLite has a single writer: each claim is
 * a conditional update on the values just read, which fails if another worker changed the row in between.
 */
export async function claimDeliveries(db: Db, limit: number, now: Date, leaseMs: number): Promise<Claim[]> {
  if (limit <= 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  if (getEnv().databaseProvider === "postgresql") {
    const rows = await claimDeliveriesSkipLocked(db, DUE_STATUSES, limit, now, leaseUntil);
    return rows.map((row) => ({ id: row.id, token: row.token, lostSince: lostSince(row, leaseMs) }));
  }
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
      data: { status: "sending", leaseToken: token, nextAttemptAt: leaseUntil },
    });
    if (count === 1) {
      claims.push({
        id: row.id,
        token,
        lostSince: lostSince({ previousStatus: row.status, previousDueAt: row.nextAttemptAt }, leaseMs),
      });
    }
  }
  return claims;
}

/** A `sending` row that fell due had a lease that ran out: its worker last renewed it a lease before. */
function lostSince(row: { previousStatus: string; previousDueAt: Date | null }, leaseMs: number): Date | null {
  return row.previousStatus === "sending" && row.previousDueAt ? new Date(row.previousDueAt.getTime() - leaseMs) : null;
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
