import type Database from "better-sqlite3";
import type { SqliteLock } from "../db/sqlite-lock";
import { wakeWorkers } from "../delivery/wake-workers";
import { isWebhookId } from "../ids";
import type { AcceptedEvent, IngestStore, IngestWebhook, StoreResult } from "./ingest-store";
import { type BatchResult, SqliteBatchWriter } from "./sqlite-batch-writer";

/** Upper bound of events per transaction, so one commit never holds the write lock for long. */
const MAX_BATCH = 512;

/** How long a batch waits for another connection's write lock before its requests are answered 503. */
const BUSY_TIMEOUT_MS = 5000;

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
 * The SQLite ingest path: its own connection with prepared statements, and group commit. Accepted events
 * that arrive in the same turn of the event loop, or while the database's lock is held, are written in
 * ONE transaction (each event, its outbox deliveries, the webhooks' counters; see SqliteBatchWriter), and
 * every request is answered only after that transaction has committed. Under load one commit serves
 * many requests; an idle server commits each event on the next turn of the event loop, so a lone request
 * waits for nobody.
 *
 * The transaction is synchronous, inside the database's in-process lock (shared with this thread's Prisma
 * connection), so it never interleaves with a Prisma transaction here. When another connection (the
 * dashboard's thread, another process) holds the write lock, the batch lets go of the in-process lock and
 * is tried again shortly, for up to BUSY_TIMEOUT_MS; this thread never sleeps in SQLite's busy handler.
 * (A writer thread was measured too: no more throughput on two cores, and 40-80 MB more memory.)
 */
export class SqliteIngestStore implements IngestStore {
  private opened: { writer: SqliteBatchWriter; findWebhook: Database.Statement } | undefined;
  private waiting: Waiting[] = [];
  private isFlushScheduled = false;
  /** Events in the batch being written (or waiting for another connection's write lock). */
  private trying = 0;
  /** Committed transactions and the events they stored: their ratio is the batching achieved. */
  readonly stats = { commits: 0, stored: 0 };

  constructor(
    private readonly file: string,
    private readonly lock: SqliteLock,
  ) {}

  async findWebhook(webhookId: string): Promise<IngestWebhook | null> {
    if (!isWebhookId(webhookId)) return null;
    const row = this.open().findWebhook.get(webhookId) as WebhookRow | undefined;
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
      if (!this.isFlushScheduled) {
        this.isFlushScheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Events not committed yet: waiting for a transaction, or in the one being tried. */
  get pending(): number {
    return this.waiting.length + this.trying;
  }

  private async flush(): Promise<void> {
    // The batch is taken once the lock is held: whatever arrived while the previous transaction (ours,
    // or a Prisma one of this thread) held it commits together.
    let release = await this.lock.acquire();
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.trying += batch.length;
    let outcome: BatchResult | { error: unknown };
    try {
      for (let wait = 1, waited = 0; ; wait = Math.min(wait * 2, 20)) {
        try {
          outcome = this.write(batch);
          break;
        } catch (error) {
          // Another connection holds the write lock. Waiting for it here would stop this thread (every
          // request, the delivery worker); the lock is let go and the batch tried again shortly instead.
          if (!isBusy(error) || waited >= BUSY_TIMEOUT_MS) {
            outcome = { error };
            break;
          }
          release();
          await new Promise((resolve) => setTimeout(resolve, wait));
          waited += wait;
          release = await this.lock.acquire();
        }
      }
    } finally {
      release();
      this.trying -= batch.length;
      this.isFlushScheduled = this.waiting.length > 0;
      if (this.isFlushScheduled) setImmediate(() => void this.flush());
    }
    if (!("error" in outcome)) return this.settle(batch, outcome);
    if (batch.length > 1 && !isBusy(outcome.error)) {
      // One event the database refuses must not fail the others: write each on its own.
      for (const item of batch) void this.storeAlone(item);
    } else {
      for (const item of batch) item.reject(outcome.error);
    }
  }

  private async storeAlone(item: Waiting): Promise<void> {
    const release = await this.lock.acquire();
    try {
      this.settle([item], this.write([item]));
    } catch (error) {
      item.reject(error);
    } finally {
      release();
    }
  }

  private write(batch: Waiting[]): BatchResult {
    const written = this.open().writer.write(batch.map((item) => item.event));
    this.stats.commits += 1;
    return written;
  }

  private settle(batch: Waiting[], { results, queued }: BatchResult): void {
    for (const [index, item] of batch.entries()) {
      if (results[index] === "stored") this.stats.stored += 1;
      item.resolve(results[index]);
    }
    if (queued) wakeWorkers();
  }

  private open() {
    if (!this.opened) {
      const writer = new SqliteBatchWriter(this.file);
      this.opened = {
        writer,
        findWebhook: writer.connection.prepare(
          `SELECT "id", "projectId", "isActive", "signingSecret", "previousSigningSecret", "previousSecretExpiresAt"
           FROM "Webhook" WHERE "id" = ?`,
        ),
      };
    }
    return this.opened;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}
