import { parentPort, workerData } from "node:worker_threads";
import type { AcceptedEvent } from "./ingest-store";
import { type BatchResult, SqliteBatchWriter } from "./sqlite-batch-writer";

// The writer thread of SqliteIngestStore: batches arrive one at a time and commit in order, one transaction
// each, while the main thread goes on reading and verifying the next requests. The commit waits for the
// disk (synchronous=FULL); here that wait stops nothing else.

export type WriterData = { file: string; busyTimeoutMs: number };
/**
 * The batch's events as JSON without their bodies (dates as ISO strings), and the bodies beside it: a few
 * strings clone faster than the objects, and a body is copied once, not escaped into JSON and parsed back.
 */
export type WriteRequest = { events: string; bodies: string[] };
export type WriteReply = { results: BatchResult } | { error: { message: string; code?: string } };

const port = parentPort;
if (!port) throw new Error("sqlite-writer-thread.ts runs as a worker thread.");
const { file, busyTimeoutMs } = workerData as WriterData;
const writer = new SqliteBatchWriter(file, busyTimeoutMs);

port.on("message", ({ events: json, bodies }: WriteRequest) => {
  let reply: WriteReply;
  try {
    const events = (JSON.parse(json) as Omit<AcceptedEvent, "body">[]).map(
      (event, index): AcceptedEvent => ({ ...event, receivedAt: new Date(event.receivedAt), body: bodies[index] }),
    );
    reply = { results: writer.write(events) };
  } catch (error) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    reply = { error: { message: String(message ?? error), code: typeof code === "string" ? code : undefined } };
  }
  port.postMessage(reply);
});
