import type { Db } from "./client";

/**
 * PostgreSQL only: reserves the destination's next send slot in one atomic upsert. The row lock taken by
 * INSERT … ON CONFLICT DO UPDATE queues concurrent reservations from every worker process, so each one
 * gets its own slot without the read-then-compare-and-set retries that many workers would contend on.
 */
export async function reserveSendSlotUpsert(db: Db, key: string, now: Date, intervalMs: number): Promise<Date> {
  const [row] = await db.$queryRaw<{ nextAt: Date }[]>`
    INSERT INTO "SendPacing" ("key", "nextAt")
    VALUES (${key}, ${now}::timestamp(3) + ${intervalMs}::int * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE
    SET "nextAt" = GREATEST("SendPacing"."nextAt", ${now}::timestamp(3)) + ${intervalMs}::int * interval '1 millisecond'
    RETURNING "nextAt"`;
  return new Date(row.nextAt.getTime() - intervalMs);
}
