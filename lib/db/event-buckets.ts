import { getEnv } from "../env";
import type { Db } from "./client";

export type Bucket = "hour" | "day";
export type BucketCount = { bucket: string; eventType: string; count: number };

/**
 * Accepted events per hour or day (UTC) and event type, counted in the database. The one place where
 * the two providers need different SQL: SQLite stores times as ISO text, PostgreSQL as timestamps.
 * Buckets come back as "2026-11-23" or "2026-11-23T08".
 */
export async function countEventsByBucket(
  db: Db,
  projectId: string,
  fromId: string,
  bucket: Bucket,
): Promise<BucketCount[]> {
  const rows =
    getEnv().databaseProvider === "sqlite"
      ? await db.$queryRaw<{ bucket: string; eventType: string; count: number | bigint }[]>`
          SELECT substr("receivedAt", 1, ${bucket === "hour" ? 13 : 10}) AS "bucket",
                 COALESCE("eventType", '') AS "eventType", COUNT(*) AS "count"
          FROM "Event"
          WHERE "projectId" = ${projectId} AND "outcome" = 'accepted' AND "id" >= ${fromId}
          GROUP BY 1, 2`
      : await db.$queryRaw<{ bucket: string; eventType: string; count: number | bigint }[]>`
          SELECT to_char("receivedAt", ${bucket === "hour" ? 'YYYY-MM-DD"T"HH24' : "YYYY-MM-DD"}) AS "bucket",
                 COALESCE("eventType", '') AS "eventType", COUNT(*) AS "count"
          FROM "Event"
          WHERE "projectId" = ${projectId} AND "outcome" = 'accepted' AND "id" >= ${fromId}
          GROUP BY 1, 2`;
  return rows.map((row) => ({ bucket: row.bucket, eventType: row.eventType, count: Number(row.count) }));
}
