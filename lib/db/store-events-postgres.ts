import { type PlannedChannel, planDeliveries } from "../delivery/plan-deliveries";
import { type AcceptedEvent, acceptedRow, type StoreResult } from "../ingest/ingest-store";
import type { Db } from "./client";

/** PostgreSQL refuses a statement with more bind parameters than this. */
const MAX_PARAMETERS = 65_535;

// Every column PrismaIngestStore's create() and createMany() write, its defaults included.
const EVENT_COLUMNS = [
  ...["id", "projectId", "webhookId", "receivedAt", "outcome", "httpStatus", "svixId", "dedupeKey", "eventType"],
  ...["eventObject", "secretSlot", "headers", "body", "bodySize", "bodyTruncated", "sourceIp", "duplicateCount"],
] as const;
const DELIVERY_COLUMNS = [
  ...["id", "projectId", "webhookId", "eventId", "channelId", "kind", "trigger", "status", "statusReason"],
  ...["attemptCount", "nextAttemptAt", "completedAt", "createdAt", "updatedAt"],
] as const;

// Prisma's default 5 s would roll back a batch that waited for a lock (another process's batch, a webhook
// being deleted) longer; the events would then be written one by one, waiting just the same.
const BATCH_TIMEOUT = { timeout: 15_000 };

type Tx = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> };
type Delivery = ReturnType<typeof planDeliveries>[number];
export type StoredBatch = { results: StoreResult[]; stored: number; queued: boolean };

/**
 * PostgreSQL only: stores a batch of accepted events in ONE transaction of a few statements, with the
 * rows PrismaIngestStore writes for each event on its own. Throws (and rolls back) on any error.
 *
 * Two processes' batches can overlap: both insert their events in (webhookId, svixId) order and lock the
 * rows they update in id order, so one waits for the other instead of deadlocking. A webhook is only
 * KEY SHARE locked (it cannot be deleted meanwhile) until its counters are updated at the end, so
 * concurrent batches of one webhook insert side by side and queue only for that last statement.
 */
export async function storeEventsPostgres(db: Db, events: AcceptedEvent[]): Promise<StoredBatch> {
  // Prisma's @updatedAt: the time of the write.
  const now = new Date();
  const sorted = [...events].sort((a, b) => compare(a.webhookId, b.webhookId) || compare(a.svixId, b.svixId));
  return db.$transaction(async (tx: Tx) => {
    const channelsOf = await lockWebhooks(tx, [...new Set(sorted.map((event) => event.webhookId))]);
    // A deleted webhook's events are left out: their foreign key would fail the whole batch.
    const live = sorted.filter((event) => channelsOf.has(event.webhookId));
    const inserted = await insertEvents(tx, live);
    const stored = live.filter((event) => inserted.has(event.id));
    const deliveries = stored.flatMap((event) =>
      planDeliveries(event, channelsOf.get(event.webhookId) ?? [], event.receivedAt),
    );
    for (const rows of chunks(deliveries.map((delivery) => deliveryRow(delivery, now)))) {
      await tx.$queryRawUnsafe(
        `INSERT INTO "Delivery" (${columns(DELIVERY_COLUMNS)}) VALUES ${tuples(rows)}`,
        ...rows.flat(),
      );
    }
    await countEvents(tx, stored, now);
    // Not inserted: the webhook already has this svix-id (from before, from another process, or from
    // earlier in this batch). As PrismaIngestStore does, the original counts the repeat.
    const counted = await countRepeats(
      tx,
      live.filter((event) => !inserted.has(event.id)),
    );

    const results = events.map((event): StoreResult => {
      if (!channelsOf.has(event.webhookId)) return "gone";
      if (inserted.has(event.id)) return "stored";
      // No original either: it was deleted (retention) since the insert met it.
      return counted.has(key(event.webhookId, event.svixId)) ? "duplicate" : "gone";
    });
    return { results, stored: stored.length, queued: deliveries.some((delivery) => delivery.status === "pending") };
  }, BATCH_TIMEOUT);
}

/** The enabled channels of each webhook that still exists, which stays so until the commit. */
async function lockWebhooks(tx: Tx, webhookIds: string[]): Promise<Map<string, PlannedChannel[]>> {
  const rows = await tx.$queryRawUnsafe<{ webhookId: string; id: string | null; kind: string; eventTypes: string }[]>(
    `SELECT w."id" AS "webhookId", c."id", c."kind", c."eventTypes"
     FROM "Webhook" w LEFT JOIN "Channel" c ON c."webhookId" = w."id" AND c."isEnabled"
     WHERE w."id" = ANY($1::text[]) ORDER BY w."id", c."kind" FOR KEY SHARE OF w`,
    webhookIds,
  );
  const channelsOf = new Map<string, PlannedChannel[]>();
  for (const { webhookId, id, kind, eventTypes } of rows) {
    const channels = channelsOf.get(webhookId) ?? [];
    channelsOf.set(webhookId, channels);
    if (id !== null) channels.push({ id, kind, eventTypes });
  }
  return channelsOf;
}

/** The ids of the events inserted; one whose svix-id the webhook already has is skipped, not an error. */
async function insertEvents(tx: Tx, events: AcceptedEvent[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  const rows = events.map((event) => {
    const row = { ...acceptedRow(event), bodyTruncated: false, duplicateCount: 0 };
    return EVENT_COLUMNS.map((column) => row[column]);
  });
  for (const slice of chunks(rows)) {
    const returned = await tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO "Event" (${columns(EVENT_COLUMNS)}) VALUES ${tuples(slice)}
       ON CONFLICT ("webhookId", "dedupeKey") DO NOTHING RETURNING "id"`,
      ...slice.flat(),
    );
    for (const { id } of returned) inserted.add(id);
  }
  return inserted;
}

function deliveryRow(delivery: Delivery, now: Date): unknown[] {
  const row = { ...delivery, attemptCount: 0, updatedAt: now };
  return DELIVERY_COLUMNS.map((column) => row[column]);
}

/** Each webhook's event count and last event, as one event at a time would have left them. */
async function countEvents(tx: Tx, stored: AcceptedEvent[], now: Date): Promise<void> {
  const counters = new Map<string, { count: number; last: Date }>();
  for (const { webhookId, receivedAt } of stored) {
    const counter = counters.get(webhookId) ?? { count: 0, last: receivedAt };
    counter.count += 1;
    if (receivedAt > counter.last) counter.last = receivedAt;
    counters.set(webhookId, counter);
  }
  if (counters.size === 0) return;
  const ids = [...counters.keys()];
  if (ids.length > 1) await lockInOrder(tx, `"Webhook" WHERE "id" = ANY($1::text[])`, [ids]);
  await tx.$queryRawUnsafe(
    `UPDATE "Webhook" AS w SET "eventCount" = w."eventCount" + c."count",
       "lastEventAt" = GREATEST(w."lastEventAt", c."last"), "updatedAt" = $4::timestamp(3)
     FROM unnest($1::text[], $2::int[], $3::timestamp(3)[]) AS c("id", "count", "last")
     WHERE w."id" = c."id"`,
    ids,
    ids.map((id) => counters.get(id)?.count),
    ids.map((id) => counters.get(id)?.last),
    now,
  );
}

/** Adds each repeat to its original's duplicate count; returns the (webhook, svix-id) keys counted. */
async function countRepeats(tx: Tx, repeats: AcceptedEvent[]): Promise<Set<string>> {
  const counts = new Map<string, { webhookId: string; svixId: string; count: number }>();
  for (const { webhookId, svixId } of repeats) {
    const entry = counts.get(key(webhookId, svixId)) ?? { webhookId, svixId, count: 0 };
    entry.count += 1;
    counts.set(key(webhookId, svixId), entry);
  }
  if (counts.size === 0) return new Set();
  const list = [...counts.values()];
  const keys = [list.map((entry) => entry.webhookId), list.map((entry) => entry.svixId)];
  const originals = `"Event" WHERE "outcome" = 'accepted'
    AND ("webhookId", "dedupeKey") IN (SELECT * FROM unnest($1::text[], $2::text[]))`;
  if (list.length > 1) await lockInOrder(tx, originals, keys);
  const updated = await tx.$queryRawUnsafe<{ webhookId: string; dedupeKey: string }[]>(
    `UPDATE "Event" AS e SET "duplicateCount" = e."duplicateCount" + r."count"
     FROM unnest($1::text[], $2::text[], $3::int[]) AS r("webhookId", "dedupeKey", "count")
     WHERE e."webhookId" = r."webhookId" AND e."dedupeKey" = r."dedupeKey" AND e."outcome" = 'accepted'
     RETURNING e."webhookId", e."dedupeKey"`,
    ...keys,
    list.map((entry) => entry.count),
  );
  return new Set(updated.map((row) => key(row.webhookId, row.dedupeKey)));
}

/** One UPDATE of several rows locks them in no set order; locking them in id order first cannot deadlock. */
async function lockInOrder(tx: Tx, rows: string, values: unknown[]): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM ${rows} ORDER BY "id" FOR NO KEY UPDATE`, ...values);
}

function columns(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

/** "($1,$2,…),($n,…)": every value a bind parameter; the INSERT's columns give the parameters their types. */
function tuples(rows: unknown[][]): string {
  let next = 0;
  return rows.map((row) => `(${row.map(() => `$${++next}`).join(",")})`).join(",");
}

/** Consecutive slices of rows, each within one statement's bind parameters. */
function chunks(rows: unknown[][]): unknown[][][] {
  const size = rows.length === 0 ? 1 : Math.floor(MAX_PARAMETERS / rows[0].length);
  const slices: unknown[][][] = [];
  for (let start = 0; start < rows.length; start += size) slices.push(rows.slice(start, start + size));
  return slices;
}

function key(webhookId: string, svixId: string): string {
  return `${webhookId} ${svixId}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
