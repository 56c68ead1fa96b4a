import type { Db } from "./client";

export type SkipLockedClaim = { id: string; token: string; previousStatus: string; previousDueAt: Date | null };

/**
 * PostgreSQL only: claims up to `limit` due deliveries in one statement. `FOR UPDATE SKIP LOCKED` makes
 * concurrent workers pass over rows another worker is claiming at that moment instead of waiting for them
 * or claiming them twice; each claimed row gets its own random lease token, generated in SQL. The CTE is
 * MATERIALIZED so the locking SELECT runs exactly once, and it returns the row's status and due time from
 * before the claim (the caller tells a taken-over lease from a first attempt by them).
 */
export async function claimDeliveriesSkipLocked(
  db: Db,
  statuses: string[],
  limit: number,
  now: Date,
  leaseUntil: Date,
): Promise<SkipLockedClaim[]> {
  return db.$queryRaw<SkipLockedClaim[]>`
    WITH "due" AS MATERIALIZED (
      SELECT "id", "status", "nextAttemptAt"
      FROM "Delivery"
      WHERE "status" = ANY(${statuses}::text[]) AND "nextAttemptAt" <= ${now}::timestamp(3)
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "Delivery" AS "d"
    SET "status" = 'sending',
        "leaseToken" = replace(gen_random_uuid()::text, '-', ''),
        "nextAttemptAt" = ${leaseUntil}::timestamp(3),
        "updatedAt" = ${now}::timestamp(3)
    FROM "due"
    WHERE "d"."id" = "due"."id"
    RETURNING "d"."id" AS "id", "d"."leaseToken" AS "token", "due"."status" AS "previousStatus",
              "due"."nextAttemptAt" AS "previousDueAt"`;
}
