import type { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type { SqliteLock } from "../db/sqlite-lock";
import { wakeWorkers } from "../delivery/wake-workers";
import { isWebhookId } from "../ids";
import { startThread } from "../start-thread";
import type { AcceptedEvent, IngestStore, IngestWebhook, StoreResult } from "./ingest-store";
import { type BatchResult, isBusy } from "./sqlite-batch-writer";
import type { WriteReply, WriteRequest, WriterData } from "./sqlite-writer-thread";

/**
 * Upper bound of events handed to the writer and not yet answered, and so of events per transaction: one
 * commit never holds the write lock for long, and a Prisma query of this thread waits for at most this many.
 */
const MAX_BATCH = 512;

/**
 * Batches handed to the writer thread and not answered yet, at most: the writer commits together every
 * batch that arrived while it wrote the last transaction, so more in flight means larger commits, not more.
 */
const MAX_IN_FLIGHT = 8;

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
  provider: string | null;
  senderConfig: string | null;
};

/**
 * The SQLite ingest path: group commit on a writer thread. Webhooks are looked up on this thread (a read
 * connection of its own, prepared statements); accepted events are written by the writer thread
 * (SqliteBatchWriter, synchronous=FULL): each turn of this thread's event loop sends what arrived as one
 * batch, and the writer commits every batch that reached it while it wrote the previous transaction in the
 * next one (each event, its outbox deliveries, the webhooks' counters in ONE transaction). Every request is
 * answered only after its transaction has committed. An idle server writes a lone event on the next turn
 * of the event loop, so it waits for nobody.
 *
 * While batches are in flight, this thread holds the database's in-process lock (shared with its Prisma
 * connection, see SqliteLock): Prisma's queries here wait for the commit without blocking the thread,
 * instead of sleeping in SQLite's busy handler. The writer waits out other connections (the dashboard's
 * thread, other processes) with SQLite's busy timeout, on its own thread, for up to BUSY_TIMEOUT_MS.
 */
export class SqliteIngestStore implements IngestStore {
  private reader: { connection: Database.Database; findWebhook: Database.Statement } | undefined;
  private writer: { thread: Worker; replies: ((reply: WriteReply) => void)[] } | undefined;
  private waiting: Waiting[] = [];
  private isFlushScheduled = false;
  /** Batches sent to the writer and not answered yet. */
  private inFlight = 0;
  /** The database lock while batches are in flight (see flush). */
  private release: (() => void) | undefined;
  private isAcquiring = false;
  private lastTransaction = 0;
  /** Events in the batches being written (or waiting for another connection's write lock). */
  private trying = 0;
  /** Committed transactions and the events they stored: their ratio is the batching achieved. */
  readonly stats = { commits: 0, stored: 0 };

  constructor(
    private readonly file: string,
    private readonly lock: SqliteLock,
  ) {}

  async findWebhook(webhookId: string): Promise<IngestWebhook | null> {
    if (!isWebhookId(webhookId)) return null;
    const row = this.read().findWebhook.get(webhookId) as WebhookRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      projectId: row.projectId,
      isActive: row.isActive === 1,
      signingSecret: row.signingSecret,
      previousSigningSecret: row.previousSigningSecret,
      previousSecretExpiresAt: row.previousSecretExpiresAt === null ? null : new Date(row.previousSecretExpiresAt),
      provider: row.provider,
      senderConfig: row.senderConfig,
    };
  }

  storeAccepted(event: AcceptedEvent): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Events not committed yet: waiting for a transaction, or in one being written. */
  get pending(): number {
    return this.waiting.length + this.trying;
  }

  /** Events handed to the writer thread and not answered yet. */
  get sent(): number {
    return this.trying;
  }

  private scheduleFlush(): void {
    if (this.isFlushScheduled) return;
    this.isFlushScheduled = true;
    setImmediate(() => void this.flush());
  }

  /**
   * Hands the waiting events to the writer as one batch, without waiting for the batches before it to
   * commit (up to MAX_IN_FLIGHT): the writer merges whatever queued up while it was committing into its
   * next transaction, so it goes from one commit to the next without waiting for this thread to read an
   * answer and send more. The lock is held from the first batch until none is in flight; once a Prisma query
   * of this thread waits for it, no further batch is sent until it has had its turn.
   */
  private async flush(): Promise<void> {
    this.isFlushScheduled = false;
    if (this.waiting.length === 0 || this.inFlight >= MAX_IN_FLIGHT || this.isAcquiring) return;
    if (this.trying >= MAX_BATCH) return;
    if (this.release === undefined) {
      this.isAcquiring = true;
      this.release = await this.lock.acquire();
      this.isAcquiring = false;
    } else if (this.lock.isWanted) {
      return; // the batch in flight releases the lock when it is answered
    }
    // The batch is taken once the lock is held: whatever arrived while the previous transaction (ours,
    // or a Prisma one of this thread) held it commits together.
    const batch = this.waiting.splice(0, MAX_BATCH - this.trying);
    if (batch.length === 0) {
      this.releaseWhenIdle();
      return;
    }
    this.inFlight += 1;
    this.trying += batch.length;
    let reply: WriteReply;
    try {
      const written = this.write(batch);
      if (this.waiting.length > 0) this.scheduleFlush();
      reply = await written;
    } finally {
      this.inFlight -= 1;
      this.trying -= batch.length;
      this.releaseWhenIdle();
      if (this.waiting.length > 0) void this.flush();
    }
    if ("results" in reply) return this.settle(batch, reply);
    if (batch.length > 1 && !isBusy(reply.error)) {
      // One event the database refuses must not fail the others: write each on its own.
      for (const item of batch) void this.storeAlone(item);
    } else {
      for (const item of batch) item.reject(toError(reply.error));
    }
  }

  private releaseWhenIdle(): void {
    if (this.inFlight > 0 || this.release === undefined) return;
    this.release();
    this.release = undefined;
  }

  private async storeAlone(item: Waiting): Promise<void> {
    const release = await this.lock.acquire();
    try {
      const reply = await this.write([item]);
      if ("results" in reply) this.settle([item], reply);
      else item.reject(toError(reply.error));
    } finally {
      release();
    }
  }

  /** Sends a batch to the writer thread and waits for its commit (or its error). */
  /**
   * Sends a batch to the writer thread and waits for its commit (or its error). Never throws: a batch that
   * cannot be sent gets an error reply of its own, and the replies of the batches in flight stay in order.
   */
  private async write(batch: Waiting[]): Promise<WriteReply> {
    try {
      const writer = this.startWriter();
      const request: WriteRequest = {
        // The parsed payload stays here: JSON-encoding it for the thread would cost more than the writer
        // parsing the body, which it does only for an event that reaches a channel's conditions.
        events: JSON.stringify(batch.map(({ event: { body, payload, ...rest } }) => rest)),
        bodies: batch.map((item) => item.event.body),
      };
      writer.thread.postMessage(request);
      writer.thread.ref(); // a commit under way keeps the process alive; an idle writer does not
      // Queued once sent: the reply comes on a later turn of this thread's event loop, in sending order.
      return await new Promise<WriteReply>((resolve) => writer.replies.push(resolve));
    } catch (error) {
      return { error: { message: error instanceof Error ? error.message : String(error) } };
    }
  }

  private settle(batch: Waiting[], reply: Extract<WriteReply, { results: BatchResult }>): void {
    const { results, queued } = reply.results;
    // Batches merged into one transaction by the writer count as one commit.
    if (reply.transaction !== this.lastTransaction) this.stats.commits += 1;
    this.lastTransaction = reply.transaction;
    for (const [index, item] of batch.entries()) {
      if (results[index] === "stored") this.stats.stored += 1;
      item.resolve(results[index]);
    }
    if (queued) wakeWorkers();
  }

  private startWriter() {
    if (this.writer) return this.writer;
    const thread = startThread(new URL("./sqlite-writer-thread.ts", import.meta.url), {
      workerData: { file: this.file, busyTimeoutMs: BUSY_TIMEOUT_MS } satisfies WriterData,
      // What it allocates (a batch's events, parsed) lives for one commit: a small young generation keeps
      // the thread's heap near 20 MB instead of growing toward 50 MB under large bodies.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    const writer = { thread, replies: [] as ((reply: WriteReply) => void)[] };
    this.lastTransaction = 0; // a new thread numbers its transactions from 1 again
    thread.on("message", (reply: WriteReply) => {
      writer.replies.shift()?.(reply);
      if (writer.replies.length === 0) thread.unref();
    });
    const gone = (error: Error) => {
      // A writer that died takes its batch with it (refused: the senders retry); the next batch starts a new one.
      if (this.writer === writer) this.writer = undefined;
      for (const reply of writer.replies.splice(0)) reply({ error: { message: error.message } });
    };
    thread.on("error", gone);
    thread.on("exit", (code) => gone(new Error(`the SQLite writer thread exited (${code})`)));
    this.writer = writer;
    return writer;
  }

  private read() {
    if (!this.reader) {
      const connection = new Database(this.file);
      this.reader = {
        connection,
        findWebhook: connection.prepare(
          `SELECT "id", "projectId", "isActive", "signingSecret", "previousSigningSecret", "previousSecretExpiresAt",
             "provider", "senderConfig"
           FROM "Webhook" WHERE "id" = ?`,
        ),
      };
    }
    return this.reader;
  }
}

function toError({ message, code }: { message: string; code?: string }): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}
