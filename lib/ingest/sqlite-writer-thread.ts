import { parentPort, workerData } from "node:worker_threads";
import type { AcceptedEvent } from "./ingest-store";
import { type BatchResult, isBusy, SqliteBatchWriter } from "./sqlite-batch-writer";

// The writer thread of SqliteIngestStore: batches commit in the order they arrive. The main thread sends
// each batch as soon as it has one, without waiting for the commit before; every batch that arrived while a
// transaction was being written commits together in the next one (group commit here, where the commits
// happen), so the writer goes from one commit to the next without waiting for the main thread. The commit
// waits for the disk (synchronous=FULL); here that wait stops nothing else.

export type WriterData = { file: string; busyTimeoutMs: number };
/**
 * The batch's events as JSON without their bodies (dates as ISO strings), and the bodies beside it: a few
 * strings clone faster than the objects, and a body is copied once, not escaped into JSON and parsed back.
 */
export type WriteRequest = { events: string; bodies: string[] };
/** One reply per request, in the order the requests came; `transaction` numbers the commit it was part of. */
export type WriteReply = { results: BatchResult; transaction: number } | { error: { message: string; code?: string } };

const port = parentPort;
if (!port) throw new Error("sqlite-writer-thread.ts runs as a worker thread.");
const { file, busyTimeoutMs } = workerData as WriterData;
const writer = new SqliteBatchWriter(file, busyTimeoutMs);

/** Requests delivered to this thread and not written yet. */
let inbox: WriteRequest[] = [];
let transactions = 0;
let isScheduled = false;

port.on("message", (request: WriteRequest) => {
  inbox.push(request);
  if (isScheduled) return;
  isScheduled = true;
  // After every message already delivered to this thread: they all go into one transaction.
  setImmediate(writeQueued);
});

function writeQueued(): void {
  isScheduled = false;
  const requests = inbox;
  inbox = [];
  const batches: (AcceptedEvent[] | WriteReply)[] = requests.map((request) => {
    try {
      return decode(request);
    } catch (error) {
      return errorReply(error);
    }
  });
  const writable = batches.filter((batch) => Array.isArray(batch));
  let replies: Map<AcceptedEvent[], WriteReply>;
  try {
    replies = writeTogether(writable);
  } catch (error) {
    // One batch the database refuses must not fail the others it was merged with: each on its own. Waiting
    // for another connection's lock failed for all of them alike, and would only wait again.
    replies = new Map(
      writable.map((batch) => [batch, writable.length === 1 || isBusy(error) ? errorReply(error) : writeAlone(batch)]),
    );
  }
  for (const batch of batches) {
    const reply = Array.isArray(batch) ? replies.get(batch) : batch;
    port?.postMessage(reply ?? { error: { message: "the SQLite writer lost a batch" } });
  }
}

/** Every batch in ONE transaction; each batch gets back the results of its own events. */
function writeTogether(batches: AcceptedEvent[][]): Map<AcceptedEvent[], WriteReply> {
  const replies = new Map<AcceptedEvent[], WriteReply>();
  if (batches.length === 0) return replies;
  const { results, queued } = writer.write(batches.flat());
  const transaction = ++transactions;
  let offset = 0;
  for (const batch of batches) {
    const own = results.slice(offset, offset + batch.length);
    offset += batch.length;
    replies.set(batch, { results: { results: own, queued: queued && own.includes("stored") }, transaction });
  }
  return replies;
}

function writeAlone(batch: AcceptedEvent[]): WriteReply {
  try {
    const results = writer.write(batch);
    return { results, transaction: ++transactions };
  } catch (error) {
    return errorReply(error);
  }
}

function decode({ events: json, bodies }: WriteRequest): AcceptedEvent[] {
  return (JSON.parse(json) as Omit<AcceptedEvent, "body">[]).map(
    (event, index): AcceptedEvent => ({ ...event, receivedAt: new Date(event.receivedAt), body: bodies[index] }),
  );
}

function errorReply(error: unknown): WriteReply {
  const { message, code } = error as { message?: unknown; code?: unknown };
  return { error: { message: String(message ?? error), code: typeof code === "string" ? code : undefined } };
}
