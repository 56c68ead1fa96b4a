import Database from "better-sqlite3";
import type { SqliteLock } from "../db/sqlite-lock";
import { type PlannedChannel, planDeliveries } from "../delivery/plan-deliveries";
import { wakeWorkers } from "../delivery/wake-workers";
import { isWebhookId } from "../ids";
import type { AcceptedEvent, IngestStore, IngestWebhook, StoreResult } from "./ingest-store";

/** Upper bound of events per transaction, so one commit never holds the write lock for long. */
const MAX_BATCH = 512;

type Waiting = { event: AcceptedEvent; resolve: (result: StoreResult) => void; reject: (error: unknown) => void };

type WebhookRow = {
  id: string;
  projectId: string;
  isActive: number;
  signingSecret: string | null;
  previousSigningSecret: string | null;
  previousSecretExpiresAt: string | number | null;
};

/**
 * The SQLite ingest path: its own better-sqlite3 connection with prepared statements, and group commit.
 * Accepted events that arrive in the same turn of the event loop, or while the database's lock is held,
 * are written in ONE transaction (each event, its outbox deliveries, the webhook's counters), and every
 * request is answered only after that transaction has committed. Under load one commit serves many
 * requests; an idle server commits each event on the next turn of the event loop, so a lone request
 * waits for nobody.
 *
 * The transaction itself is synchronous, inside the database's in-process lock (shared with Prisma), so
 * it never interleaves with a Prisma transaction of this process; other processes are waited out by
 * SQLite's busy timeout, as Prisma's own connection does.
 */
export class SqliteIngestStore implements IngestStore {
  private opened: { connection: Database.Database; statements: ReturnType<typeof prepare> } | undefined;
  private waiting: Waiting[] = [];
  /** Committed transactions and the events they stored: their ratio is the batching achieved. */
  readonly stats = { commits: 0, stored: 0 };
  private flushScheduled = false;

  constructor(
    private readonly file: string,
    private readonly lock: SqliteLock,
  ) {}

  async findWebhook(webhookId: string): Promise<IngestWebhook | null> {
    if (!isWebhookId(webhookId)) return null;
    const row = this.open().statements.findWebhook.get(webhookId) as WebhookRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      projectId: row.projectId,
      isActive: row.isActive === 1,
      signingSecret: row.signingSecret,
      previousSigningSecret: row.previousSigningSecret,
      previousSecretExpiresAt: row.previousSecretExpiresAt === null ? null : new Date(row.previousSecretExpiresAt),
    };
  }

  storeAccepted(event: AcceptedEvent): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Events waiting for the next transaction. */
  get queued(): number {
    return this.waiting.length;
  }

  private async flush(): Promise<void> {
    // The batch is taken once the lock is held: whatever arrived while the previous transaction (ours,
    // or a Prisma one of this process) held it commits together.
    const release = await this.lock.acquire();
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.flushScheduled = this.waiting.length > 0;
    if (this.flushScheduled) setImmediate(() => void this.flush());
    let outcome: { results: StoreResult[]; queued: boolean } | { error: unknown };
    try {
      outcome = this.write(batch.map((item) => item.event));
    } catch (error) {
      outcome = { error };
    } finally {
      release();
    }
    if ("error" in outcome) {
      if (batch.length > 1 && !isBusy(outcome.error)) {
        // One event the database refuses must not fail the others: write each on its own.
        for (const item of batch) this.storeAlone(item);
      } else {
        for (const item of batch) item.reject(outcome.error);
      }
      return;
    }
    const { results } = outcome;
    for (const [index, item] of batch.entries()) item.resolve(results[index]);
    if (outcome.queued) wakeWorkers();
  }

  private async storeAlone(item: Waiting): Promise<void> {
    const release = await this.lock.acquire();
    try {
      const { results, queued } = this.write([item.event]);
      item.resolve(results[0]);
      if (queued) wakeWorkers();
    } catch (error) {
      item.reject(error);
    } finally {
      release();
    }
  }

  /** One immediate transaction for the whole batch; throws (and rolls back) on any database error. */
  private write(events: AcceptedEvent[]): { results: StoreResult[]; queued: boolean } {
    const { connection, statements } = this.open();
    const run = connection.transaction(() => {
      const channelsOf = new Map<string, PlannedChannel[] | null>();
      const counters = new Map<string, { count: number; last: Date }>();
      let queued = false;
      const results = events.map((event): StoreResult => {
        let channels = channelsOf.get(event.webhookId);
        if (channels === undefined) {
          const exists = statements.webhookExists.get(event.webhookId) !== undefined;
          channels = exists ? (statements.enabledChannels.all(event.webhookId) as PlannedChannel[]) : null;
          channelsOf.set(event.webhookId, channels);
        }
        if (channels === null) return "gone";

        const inserted = statements.insertEvent.run(eventParams(event));
        if (inserted.changes === 0) {
          statements.countDuplicate.run(event.webhookId, event.svixId);
          return "duplicate";
        }
        for (const delivery of planDeliveries(event, channels, event.receivedAt)) {
          statements.insertDelivery.run({
            ...delivery,
            nextAttemptAt: sqliteDate(delivery.nextAttemptAt),
            completedAt: sqliteDate(delivery.completedAt),
            createdAt: sqliteDate(delivery.createdAt),
            updatedAt: sqliteDate(delivery.createdAt),
          });
          if (delivery.status === "pending") queued = true;
        }
        const counter = counters.get(event.webhookId);
        if (!counter) counters.set(event.webhookId, { count: 1, last: event.receivedAt });
        else {
          counter.count += 1;
          if (event.receivedAt > counter.last) counter.last = event.receivedAt;
        }
        return "stored";
      });
      for (const [webhookId, { count, last }] of counters) {
        statements.countEvents.run(count, sqliteDate(last), webhookId);
      }
      return { results, queued };
    });
    const written = run.immediate();
    this.stats.commits += 1;
    this.stats.stored += written.results.filter((result) => result === "stored").length;
    return written;
  }

  private open() {
    if (!this.opened) {
      const connection = new Database(this.file, { timeout: 5000 });
      this.opened = { connection, statements: prepare(connection) };
    }
    return this.opened;
  }
}

function prepare(db: Database.Database) {
  return {
    findWebhook: db.prepare(
      `SELECT "id", "projectId", "isActive", "signingSecret", "previousSigningSecret", "previousSecretExpiresAt"
       FROM "Webhook" WHERE "id" = ?`,
    ),
    webhookExists: db.prepare(`SELECT 1 FROM "Webhook" WHERE "id" = ?`),
    enabledChannels: db.prepare(
      `SELECT "id", "kind", "eventTypes" FROM "Channel" WHERE "webhookId" = ? AND "isEnabled" = 1`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO "Event" ("id", "projectId", "webhookId", "receivedAt", "outcome", "httpStatus", "svixId",
         "dedupeKey", "eventType", "eventObject", "secretSlot", "headers", "body", "bodySize", "bodyTruncated",
         "sourceIp", "duplicateCount")
       VALUES (@id, @projectId, @webhookId, @receivedAt, 'accepted', 200, @svixId, @svixId, @eventType,
         @eventObject, @secretSlot, @headers, @body, @bodySize, 0, @sourceIp, 0)
       ON CONFLICT ("webhookId", "dedupeKey") DO NOTHING`,
    ),
    countDuplicate: db.prepare(
      `UPDATE "Event" SET "duplicateCount" = "duplicateCount" + 1
       WHERE "webhookId" = ? AND "dedupeKey" = ? AND "outcome" = 'accepted'`,
    ),
    insertDelivery: db.prepare(
      `INSERT INTO "Delivery" ("id", "projectId", "webhookId", "eventId", "channelId", "kind", "trigger", "status",
         "statusReason", "attemptCount", "nextAttemptAt", "createdAt", "updatedAt", "completedAt")
       VALUES (@id, @projectId, @webhookId, @eventId, @channelId, @kind, @trigger, @status, @statusReason, 0,
         @nextAttemptAt, @createdAt, @updatedAt, @completedAt)`,
    ),
    countEvents: db.prepare(
      `UPDATE "Webhook" SET "eventCount" = "eventCount" + ?, "lastEventAt" = max(coalesce("lastEventAt", ''), ?)
       WHERE "id" = ?`,
    ),
  };
}

function eventParams(event: AcceptedEvent) {
  return { ...event, receivedAt: sqliteDate(event.receivedAt) };
}

/** DateTime as Prisma's SQLite adapter writes it, so both connections' values sort and compare alike. */
export function sqliteDate(date: Date): string;
export function sqliteDate(date: Date | null): string | null;
export function sqliteDate(date: Date | null): string | null {
  return date === null ? null : date.toISOString().replace("Z", "+00:00");
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
