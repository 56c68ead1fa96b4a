import Database from "better-sqlite3";
import { type PlannedChannel, planDeliveries } from "../delivery/plan-deliveries";
import { serializeNotAlerted } from "../log/not-alerted";
import { countPerWebhook } from "./count-per-webhook";
import type { AcceptedEvent, StoreResult } from "./ingest-store";

/** What one committed batch did: a result per event, and whether any alert is now due. */
export type BatchResult = { results: StoreResult[]; queued: boolean };

/**
 * The SQLite write of the ingest path: one immediate transaction per batch of accepted events (each
 * event with its "not alerted" entries, its outbox deliveries, the webhooks' counters), on its own better-sqlite3 connection with
 * prepared statements. Synchronous; it runs on SqliteIngestStore's writer thread.
 *
 * synchronous=FULL: a commit returns once the write-ahead log is on disk, so an event answered 2xx survives
 * a power cut or an operating-system crash, not only a crash of Hookbell. (better-sqlite3's build
 * default for a database already in WAL mode is NORMAL, which syncs only at checkpoints.)
 */
export class SqliteBatchWriter {
  readonly connection: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(file: string, busyTimeoutMs: number) {
    this.connection = new Database(file, { timeout: busyTimeoutMs });
    this.connection.pragma("synchronous = FULL");
    this.statements = prepare(this.connection);
  }

  /** Throws (and rolls back) on any database error, SQLITE_BUSY once another connection held the lock too long. */
  write(events: AcceptedEvent[]): BatchResult {
    const statements = this.statements;
    const run = this.connection.transaction((): BatchResult => {
      const channelsOf = new Map<string, PlannedChannel[] | null>();
      const stored: AcceptedEvent[] = [];
      let queued = false;
      const results = events.map((event): StoreResult => {
        let channels = channelsOf.get(event.webhookId);
        if (channels === undefined) {
          const exists = statements.webhookExists.get(event.webhookId) !== undefined;
          channels = exists ? (statements.enabledChannels.all(event.webhookId) as PlannedChannel[]) : null;
          channelsOf.set(event.webhookId, channels);
        }
        if (channels === null) return "gone";

        const receivedAt = sqliteDate(event.receivedAt);
        // Planned before the insert: the channels that stay silent are a column of the event row itself.
        const { deliveries, notAlerted } = planDeliveries(event, channels, event.receivedAt);
        const inserted = statements.insertEvent.run(
          event.id,
          event.projectId,
          event.webhookId,
          receivedAt,
          event.svixId,
          event.svixId,
          event.eventType,
          event.eventObject,
          event.secretSlot,
          event.headers,
          event.body,
          event.bodySize,
          event.sourceIp,
          serializeNotAlerted(notAlerted),
        );
        if (inserted.changes === 0) {
          statements.countDuplicate.run(event.webhookId, event.svixId);
          return "duplicate";
        }
        for (const delivery of deliveries) {
          statements.insertDelivery.run(
            delivery.id,
            delivery.projectId,
            delivery.webhookId,
            delivery.eventId,
            delivery.channelId,
            delivery.kind,
            delivery.trigger,
            receivedAt,
            receivedAt,
            receivedAt,
          );
          queued = true;
        }
        stored.push(event);
        return "stored";
      });
      for (const [webhookId, { count, last }] of countPerWebhook(stored)) {
        statements.countEvents.run(count, sqliteDate(last), webhookId);
      }
      return { results, queued };
    });
    return run.immediate();
  }
}

function prepare(db: Database.Database) {
  return {
    webhookExists: db.prepare(`SELECT 1 FROM "Webhook" WHERE "id" = ?`),
    enabledChannels: db.prepare(
      `SELECT "id", "kind", "eventTypes", "conditions" FROM "Channel" WHERE "webhookId" = ? AND "isEnabled" = 1
       ORDER BY "createdAt", "id"`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO "Event" ("id", "projectId", "webhookId", "receivedAt", "outcome", "httpStatus", "svixId",
         "dedupeKey", "eventType", "eventObject", "secretSlot", "headers", "body", "bodySize", "bodyTruncated",
         "sourceIp", "duplicateCount", "notAlerted")
       VALUES (?, ?, ?, ?, 'accepted', 200, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?)
       ON CONFLICT ("webhookId", "dedupeKey") DO NOTHING`,
    ),
    countDuplicate: db.prepare(
      `UPDATE "Event" SET "duplicateCount" = "duplicateCount" + 1
       WHERE "webhookId" = ? AND "dedupeKey" = ? AND "outcome" = 'accepted'`,
    ),
    insertDelivery: db.prepare(
      `INSERT INTO "Delivery" ("id", "projectId", "webhookId", "eventId", "channelId", "kind", "trigger", "status",
         "attemptCount", "nextAttemptAt", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    ),
    countEvents: db.prepare(
      `UPDATE "Webhook" SET "eventCount" = "eventCount" + ?, "lastEventAt" = max(coalesce("lastEventAt", ''), ?)
       WHERE "id" = ?`,
    ),
  };
}

/** Whether SQLite refused because another connection held the lock (past the busy timeout). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/** DateTime as Prisma's SQLite adapter writes it, so both connections' values sort and compare alike. */
function sqliteDate(date: Date): string {
  return `${date.toISOString().slice(0, -1)}+00:00`;
}
