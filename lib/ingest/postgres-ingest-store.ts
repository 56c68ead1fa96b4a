import pg from "pg";
import { type Db, dbOrigin } from "../db/client";
import { type StoredBatch, storeEventsPostgres } from "../db/store-events-postgres";
import { announceWork } from "../delivery/wake-workers";
import {
  type AcceptedEvent,
  type IngestStore,
  type IngestWebhook,
  PrismaIngestStore,
  type StoreResult,
} from "./ingest-store";

/** Upper bound of events per transaction, so one commit never holds its locks for long. */
const MAX_BATCH = 500;
/** Bodies are up to 256 KiB: a batch of large ones is cut short so one statement stays a few MiB. */
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Batches written at once. A batch spends most of its time in round trips and its commit's fsync, not in
 * the database's locks (two batches of one webhook queue only for its counters): a second one overlapping
 * it roughly halved the queueing at 1,000 req/s in `npm run bench`.
 */
const MAX_CONCURRENT_BATCHES = 2;

/** A batch statement waiting longer than this (for a lock) fails, and the batch's events are written one by one. */
const STATEMENT_TIMEOUT_MS = 15_000;

/** Runs of one event on its own, when its batch failed. */
const MAX_ATTEMPTS = 3;

type Waiting = { event: AcceptedEvent; resolve: (result: StoreResult) => void; reject: (error: unknown) => void };

/**
 * The PostgreSQL ingest path: group commit. One event per transaction queues every event of a webhook
 * behind the previous one's commit (each first updates the webhook's counters). Here accepted events
 * wait while this store's batches commit and are then written together in ONE transaction
 * (storeEventsPostgres); every request is answered only after its batch has committed. An idle server
 * writes a lone event on the next turn of the event loop, so it waits for nobody.
 *
 * When a batch fails (one event the database refuses, a deadlock with another process), each of its
 * events is written on its own by PrismaIngestStore, so only the event at fault fails.
 */
export class PostgresIngestStore implements IngestStore {
  private readonly single: PrismaIngestStore;
  private pool: pg.Pool | undefined;
  private waiting: Waiting[] = [];
  private writing = 0;
  private isScheduled = false;
  /** Committed transactions and the events they stored: their ratio is the batching achieved. */
  readonly stats = { commits: 0, stored: 0 };

  constructor(private readonly db: Db) {
    this.single = new PrismaIngestStore(db);
  }

  findWebhook(webhookId: string): Promise<IngestWebhook | null> {
    return this.single.findWebhook(webhookId);
  }

  storeAccepted(event: AcceptedEvent): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.schedule();
    });
  }

  /** Events waiting for the next transaction. */
  get queued(): number {
    return this.waiting.length;
  }

  private schedule(): void {
    if (this.writing >= MAX_CONCURRENT_BATCHES || this.isScheduled || this.waiting.length === 0) return;
    this.isScheduled = true;
    setImmediate(() => {
      this.isScheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.writing += 1;
    try {
      await this.write(this.takeBatch());
    } finally {
      this.writing -= 1;
      // Whatever arrived while this batch was committing goes into the next one.
      this.schedule();
    }
  }

  private takeBatch(): Waiting[] {
    let count = 0;
    let bytes = 0;
    while (count < this.waiting.length && count < MAX_BATCH) {
      bytes += this.waiting[count].event.bodySize;
      if (count > 0 && bytes > MAX_BATCH_BYTES) break;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }

  private async write(batch: Waiting[]): Promise<void> {
    const events = batch.map((item) => item.event);
    let written: StoredBatch;
    try {
      written = await storeEventsPostgres(this.batchPool(), events);
    } catch (error) {
      if (isUnreachable(error)) {
        // Nothing reached the database: retrying each event would only fail the same way, slower.
        for (const item of batch) item.reject(error);
      } else {
        await Promise.all(batch.map((item) => this.storeAlone(item)));
      }
      return;
    }
    this.stats.commits += 1;
    this.stats.stored += written.stored;
    for (const [index, item] of batch.entries()) item.resolve(written.results[index]);
    if (written.queued) announceWork(this.db);
  }

  /** One connection per batch in flight, opened when first needed and closed after a minute unused. */
  private batchPool(): pg.Pool {
    if (!this.pool) {
      const url = dbOrigin(this.db)?.url;
      if (!url) throw new Error("PostgresIngestStore needs a client made by getDb()");
      this.pool = new pg.Pool({
        connectionString: url,
        max: MAX_CONCURRENT_BATCHES,
        idleTimeoutMillis: 60_000,
        statement_timeout: STATEMENT_TIMEOUT_MS,
      });
      // An idle connection the server dropped (a restart): the pool replaces it; nothing was waiting on it.
      this.pool.on("error", () => undefined);
    }
    return this.pool;
  }

  /**
   * The per-event path, which announces its own work. It locks the webhook first and a batch of another
   * process locks it last, so the two can deadlock over one svix-id: the database then aborts one, and
   * running it again succeeds.
   */
  private async storeAlone(item: Waiting): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.single.storeAccepted(item.event);
        this.stats.commits += 1;
        if (result === "stored") this.stats.stored += 1;
        return item.resolve(result);
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isConflict(error)) continue;
        return item.reject(error);
      }
    }
  }
}

/** P2034: a deadlock or serialization failure; the database asks for the transaction to be run again. */
function isConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2034";
}

/**
 * A database the batch could not reach or lost the connection to: a socket error (ECONNREFUSED, ECONNRESET,
 * …), a connection the server ended ("Connection terminated"), SQLSTATE class 08 (connection exception) or
 * 57P01-57P03 (the server shutting down or starting up).
 */
function isUnreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (/^E[A-Z]+$/.test(code) || code.startsWith("08") || /^57P0[123]$/.test(code))) {
    return true;
  }
  return typeof message === "string" && /connection terminated|connection ended/i.test(message);
}
