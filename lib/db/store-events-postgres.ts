import type pg from "pg";
import { type PendingDelivery, type PlannedChannel, planDeliveries } from "../delivery/plan-deliveries";
import { countPerWebhook } from "../ingest/count-per-webhook";
import type { AcceptedEvent, StoreResult } from "../ingest/ingest-store";
import { serializeNotAlerted } from "../log/not-alerted";

// Fixed statement texts: a batch's rows travel as one array per column (unnest), so a statement has the same
// dozen parameters for 1 event or 500. (Unnamed statements: PgBouncer in transaction mode may put the next
// statement of a connection on another server connection, where a named one would not exist.)
const INSERT_EVENTS = {
  text: `INSERT INTO "Event" ("id", "projectId", "webhookId", "receivedAt", "outcome", "httpStatus", "svixId",
      "dedupeKey", "eventType", "eventObject", "secretSlot", "headers", "body", "bodySize", "bodyTruncated",
      "sourceIp", "duplicateCount", "notAlerted")
    SELECT e."id", e."projectId", e."webhookId", e."receivedAt", 'accepted', 200, e."svixId", e."svixId",
      e."eventType", e."eventObject", e."secretSlot", e."headers", e."body", e."bodySize", false, e."sourceIp", 0,
      e."notAlerted"
    FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[], $5::text[], $6::text[], $7::text[],
      $8::text[], $9::text[], $10::text[], $11::int[], $12::text[], $13::text[])
      WITH ORDINALITY AS e("id", "projectId", "webhookId", "receivedAt", "svixId", "eventType", "eventObject",
        "secretSlot", "headers", "body", "bodySize", "sourceIp", "notAlerted", "position")
    ORDER BY e."position"
    ON CONFLICT ("webhookId", "dedupeKey") DO NOTHING RETURNING "id"`,
};
const INSERT_DELIVERIES = {
  text: `INSERT INTO "Delivery" ("id", "projectId", "webhookId", "eventId", "channelId", "kind", "trigger", "status",
      "attemptCount", "nextAttemptAt", "createdAt", "updatedAt")
    SELECT d."id", d."projectId", d."webhookId", d."eventId", d."channelId", d."kind", d."trigger", 'pending',
      0, d."createdAt", d."createdAt", $9::timestamp(3)
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::timestamp(3)[])
      AS d("id", "projectId", "webhookId", "eventId", "channelId", "kind", "trigger", "createdAt")`,
};
const LOCK_WEBHOOKS = {
  text: `SELECT w."id" AS "webhookId", c."id", c."kind", c."eventTypes", c."conditions"
    FROM "Webhook" w LEFT JOIN "Channel" c ON c."webhookId" = w."id" AND c."isEnabled"
    WHERE w."id" = ANY($1::text[]) ORDER BY w."id", c."createdAt", c."id" FOR KEY SHARE OF w`,
};
const LOCK_WEBHOOK_COUNTERS = {
  text: `SELECT 1 FROM "Webhook" WHERE "id" = ANY($1::text[]) ORDER BY "id" FOR NO KEY UPDATE`,
};
const COUNT_EVENTS = {
  text: `UPDATE "Webhook" AS w SET "eventCount" = w."eventCount" + c."count",
      "lastEventAt" = GREATEST(w."lastEventAt", c."last"), "updatedAt" = $4::timestamp(3)
    FROM unnest($1::text[], $2::int[], $3::timestamp(3)[]) AS c("id", "count", "last")
    WHERE w."id" = c."id"`,
};
const REPEATED_ORIGINALS = `"Event" WHERE "outcome" = 'accepted'
    AND ("webhookId", "dedupeKey") IN (SELECT * FROM unnest($1::text[], $2::text[]))`;
const LOCK_ORIGINALS = {
  text: `SELECT 1 FROM ${REPEATED_ORIGINALS} ORDER BY "id" FOR NO KEY UPDATE`,
};
const COUNT_REPEATS = {
  text: `UPDATE "Event" AS e SET "duplicateCount" = e."duplicateCount" + r."count"
    FROM unnest($1::text[], $2::text[], $3::int[]) AS r("webhookId", "dedupeKey", "count")
    WHERE e."webhookId" = r."webhookId" AND e."dedupeKey" = r."dedupeKey" AND e."outcome" = 'accepted'
    RETURNING e."webhookId", e."dedupeKey"`,
};

type Statement = { text: string };
type Tx = {
  query<R extends object = Record<string, unknown>>(s: Statement & { values: unknown[] }): Promise<{ rows: R[] }>;
};
type Planned = ReturnType<typeof planDeliveries>;
export type StoredBatch = { results: StoreResult[]; stored: number; queued: boolean };

/**
 * PostgreSQL only: stores a batch of accepted events in ONE transaction of a few statements, with the
 * rows PrismaIngestStore writes for each event on its own. Throws (and rolls back) on any error. Runs on a
 * `pg` pool of its own, not through Prisma: Prisma's handling of each of a batch's thousands of values
 * cost more of the thread than the rest of the request.
 *
 * Two processes' batches can overlap: both insert their events in (webhookId, svixId) order and lock the
 * rows they update in id order, so one waits for the other instead of deadlocking. A webhook is only
 * KEY SHARE locked (it cannot be deleted meanwhile) until its counters are updated at the end, so
 * concurrent batches of one webhook insert side by side and queue only for that last statement.
 */
export async function storeEventsPostgres(pool: pg.Pool, events: AcceptedEvent[]): Promise<StoredBatch> {
  // Prisma's @updatedAt: the time of the write.
  const now = new Date();
  const sorted = [...events].sort((a, b) => compare(a.webhookId, b.webhookId) || compare(a.svixId, b.svixId));
  const client = await pool.connect();
  // A connection lost while in use also emits "error"; the failed query already carries it to the caller.
  const ignore = () => undefined;
  client.on("error", ignore);
  try {
    await client.query("BEGIN");
    const stored = await storeInTransaction(client as Tx, events, sorted, now);
    await client.query("COMMIT");
    client.removeListener("error", ignore);
    client.release();
    return stored;
  } catch (error) {
    // A connection that failed mid-transaction is closed rather than returned to the pool.
    await client.query("ROLLBACK").catch(ignore);
    client.removeListener("error", ignore);
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

async function storeInTransaction(
  tx: Tx,
  events: AcceptedEvent[],
  sorted: AcceptedEvent[],
  now: Date,
): Promise<StoredBatch> {
  const channelsOf = await lockWebhooks(tx, [...new Set(sorted.map((event) => event.webhookId))]);
  // A deleted webhook's events are left out: their foreign key would fail the whole batch.
  const live = sorted.filter((event) => channelsOf.has(event.webhookId));
  // Planned before the insert: the channels that stay silent are a column of the event row itself.
  const plans = new Map(
    live.map((event) => [event.id, planDeliveries(event, channelsOf.get(event.webhookId) ?? [], event.receivedAt)]),
  );
  const inserted = await insertEvents(tx, live, plans);
  const stored = live.filter((event) => inserted.has(event.id));
  const deliveries = stored.flatMap((event) => plans.get(event.id)?.deliveries ?? []);
  if (deliveries.length > 0) await insertDeliveries(tx, deliveries, now);
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
  return { results, stored: stored.length, queued: deliveries.length > 0 };
}

/** The enabled channels of each webhook that still exists, which stays so until the commit. */
async function lockWebhooks(tx: Tx, webhookIds: string[]): Promise<Map<string, PlannedChannel[]>> {
  const { rows } = await tx.query<{
    webhookId: string;
    id: string | null;
    kind: string;
    eventTypes: string;
    conditions: string | null;
  }>({
    ...LOCK_WEBHOOKS,
    values: [webhookIds],
  });
  const channelsOf = new Map<string, PlannedChannel[]>();
  for (const { webhookId, id, kind, eventTypes, conditions } of rows) {
    const channels = channelsOf.get(webhookId) ?? [];
    channelsOf.set(webhookId, channels);
    if (id !== null) channels.push({ id, kind, eventTypes, conditions });
  }
  return channelsOf;
}

/** The ids of the events inserted; one whose svix-id the webhook already has is skipped, not an error. */
async function insertEvents(tx: Tx, events: AcceptedEvent[], plans: Map<string, Planned>): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const column = <T>(pick: (event: AcceptedEvent) => T) => events.map(pick);
  const { rows } = await tx.query<{ id: string }>({
    ...INSERT_EVENTS,
    values: [
      column((e) => e.id),
      column((e) => e.projectId),
      column((e) => e.webhookId),
      column((e) => timestamp(e.receivedAt)),
      column((e) => e.svixId),
      column((e) => e.eventType),
      column((e) => e.eventObject),
      column((e) => e.secretSlot),
      column((e) => e.headers),
      column((e) => e.body),
      column((e) => e.bodySize),
      column((e) => e.sourceIp),
      column((e) => serializeNotAlerted(plans.get(e.id)?.notAlerted ?? [])),
    ],
  });
  return new Set(rows.map((row) => row.id));
}

async function insertDeliveries(tx: Tx, deliveries: PendingDelivery[], now: Date): Promise<void> {
  const column = <T>(pick: (delivery: PendingDelivery) => T) => deliveries.map(pick);
  await tx.query({
    ...INSERT_DELIVERIES,
    values: [
      column((d) => d.id),
      column((d) => d.projectId),
      column((d) => d.webhookId),
      column((d) => d.eventId),
      column((d) => d.channelId),
      column((d) => d.kind),
      column((d) => d.trigger),
      column((d) => timestamp(d.createdAt)),
      timestamp(now),
    ],
  });
}

/** Each webhook's event count and last event, as one event at a time would have left them. */
async function countEvents(tx: Tx, stored: AcceptedEvent[], now: Date): Promise<void> {
  const counters = countPerWebhook(stored);
  if (counters.size === 0) return;
  const ids = [...counters.keys()];
  // One UPDATE of several rows locks them in no set order; locking them in id order first cannot deadlock.
  if (ids.length > 1) await tx.query({ ...LOCK_WEBHOOK_COUNTERS, values: [ids] });
  await tx.query({
    ...COUNT_EVENTS,
    values: [
      ids,
      ids.map((id) => counters.get(id)?.count),
      ids.map((id) => timestamp(counters.get(id)?.last)),
      timestamp(now),
    ],
  });
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
  if (list.length > 1) await tx.query({ ...LOCK_ORIGINALS, values: keys });
  const { rows } = await tx.query<{ webhookId: string; dedupeKey: string }>({
    ...COUNT_REPEATS,
    values: [...keys, list.map((entry) => entry.count)],
  });
  return new Set(rows.map((row) => key(row.webhookId, row.dedupeKey)));
}

/**
 * A timestamp(3) value as Prisma writes it: the UTC time, without an offset. (pg would send a Date in the
 * process's local time with its offset, which a timestamp without time zone column drops.)
 */
function timestamp(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, -1) : null;
}

function key(webhookId: string, svixId: string): string {
  return `${webhookId} ${svixId}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
