import type { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { wakeWorkers } from "../delivery/wake-workers";
import { isWebhookId } from "../ids";
import { startThread } from "../start-thread";
import type { AcceptedEvent, IngestStore, IngestWebhook, StoreResult } from "./ingest-store";
import type { BatchResult } from "./sqlite-batch-writer";
import type { WriteReply, WriteRequest, WriterData } from "./sqlite-writer-thread";

/** Upper bound of events per transaction, so one commit never holds the write lock for long. */
const MAX_BATCH = 512;

/**
 * Batches handed to the writer at once. Two keep it busy: the next batch is already there when one
 * commits, instead of waiting for this thread to hear of the commit and send it.
 */
const MAX_IN_FLIGHT = 2;

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
 * The SQLite ingest path, with group commit on a writer thread. Webhooks are looked up on this thread
 * (its own read connection); accepted events are written by a thread of their own (SqliteBatchWriter),
 * one batch at a time: whatever arrives while a batch commits is written together in the next one (each
 * event, its outbox deliveries, the webhooks' counters in ONE transaction), and every request is answered
 * only after its batch has committed. An idle server writes a lone event on the next turn of the event
 * loop, so it waits for nobody.
 *
 * The writer is a separate SQLite connection, like another process's: it waits out other connections'
 * transactions with SQLite's busy timeout, and they wait out its short batches the same way.
 */
export class SqliteIngestStore implements IngestStore {
  private reader: { connection: Database.Database; findWebhook: Database.Statement } | undefined;
  private writer: Worker | undefined;
  private waiting: Waiting[] = [];
  /** Events of a failed batch, written again one per transaction so a refused one fails alone. */
  private alone: Waiting[] = [];
  /** Batches sent to the writer, oldest first: it commits them in order and answers in order. */
  private inFlight: Waiting[][] = [];
  private isFlushScheduled = false;
  /** Committed transactions and the events they stored: their ratio is the batching achieved. */
  readonly stats = { commits: 0, stored: 0 };

  constructor(private readonly file: string) {}

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
    };
  }

  storeAccepted(event: AcceptedEvent): Promise<StoreResult> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      if (this.inFlight.length < MAX_IN_FLIGHT && !this.isFlushScheduled) {
        // Requests that arrive in the same turn of the event loop share the first transaction.
        this.isFlushScheduled = true;
        setImmediate(() => {
          this.isFlushScheduled = false;
          this.flush();
        });
      }
    });
  }

  /** Events not committed yet: waiting for a transaction, or in the one being written. */
  get pending(): number {
    return this.waiting.length + this.alone.length + this.inFlight.reduce((sum, batch) => sum + batch.length, 0);
  }

  /** Stops the writer thread; events not committed yet are refused (their requests answer 503). */
  async close(): Promise<void> {
    const writer = this.writer;
    this.writer = undefined;
    await writer?.terminate();
    const refused = [...this.inFlight.flat(), ...this.alone, ...this.waiting];
    this.inFlight = [];
    this.alone = [];
    this.waiting = [];
    for (const item of refused) item.reject(new Error("the SQLite ingest store was closed"));
    this.reader?.connection.close();
    this.reader = undefined;
  }

  private flush(): void {
    if (this.inFlight.length >= MAX_IN_FLIGHT) return;
    const batch = this.alone.length > 0 ? this.alone.splice(0, 1) : this.waiting.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.inFlight.push(batch);
    const writer = this.startWriter();
    writer.ref(); // a pending commit keeps the process alive; an idle writer does not
    // One string crosses to the thread: cloning it costs far less than cloning the events object by object.
    writer.postMessage(JSON.stringify(batch.map((item) => item.event)) satisfies WriteRequest);
  }

  private settle(reply: WriteReply): void {
    const batch = this.inFlight.shift() ?? [];
    if (this.inFlight.length === 0) this.writer?.unref();
    if ("results" in reply) this.resolveBatch(batch, reply.results);
    // One event the database refuses must not fail the others: they are written again one at a time.
    else if (batch.length > 1 && !isBusy(reply.error)) this.alone.push(...batch);
    else for (const item of batch) item.reject(toError(reply.error));
    this.flush();
  }

  private resolveBatch(batch: Waiting[], { results, queued }: BatchResult): void {
    this.stats.commits += 1;
    for (const [index, item] of batch.entries()) {
      if (results[index] === "stored") this.stats.stored += 1;
      item.resolve(results[index]);
    }
    if (queued) wakeWorkers();
  }

  private startWriter(): Worker {
    if (this.writer) return this.writer;
    const writer = startThread(new URL("./sqlite-writer-thread.ts", import.meta.url), {
      workerData: { file: this.file } satisfies WriterData,
    });
    writer.on("message", (reply: WriteReply) => this.settle(reply));
    writer.on("error", (error) => this.writerGone(writer, error));
    writer.on("exit", (code) => this.writerGone(writer, new Error(`the SQLite writer thread exited (${code})`)));
    this.writer = writer;
    return writer;
  }

  /** A writer that died takes its batches with it (refused: the senders retry); the next batch starts a new one. */
  private writerGone(writer: Worker, error: unknown): void {
    if (this.writer !== writer) return;
    this.writer = undefined;
    for (const item of this.inFlight.flat()) item.reject(toError(error));
    this.inFlight = [];
    this.flush();
  }

  private read() {
    if (!this.reader) {
      const connection = new Database(this.file, { timeout: 5000 });
      this.reader = {
        connection,
        findWebhook: connection.prepare(
          `SELECT "id", "projectId", "isActive", "signingSecret", "previousSigningSecret", "previousSecretExpiresAt"
           FROM "Webhook" WHERE "id" = ?`,
        ),
      };
    }
    return this.reader;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  const { message, code } = error as { message?: string; code?: string };
  return Object.assign(new Error(message ?? String(error)), code ? { code } : {});
}
