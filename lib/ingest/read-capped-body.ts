export const MAX_BODY_BYTES = 256 * 1024;
// Sizes are stored in a 32-bit column (PostgreSQL INTEGER); a declared Content-Length can claim anything
// up to 2^64-1, so what is recorded is capped here.
export const MAX_RECORDED_SIZE = 2_147_483_647;
const HEAD_BYTES = 4096;

export type CappedBody =
  | { ok: true; bytes: Buffer }
  /**
   * `head` holds what was read before reading stopped; `size` is a lower bound when it stopped early.
   * `too_large`: past the limit. `timed_out`: the body had not all arrived by the deadline. `aborted`: the
   * client closed the connection first (no one is left to answer).
   */
  | { ok: false; reason: StopReason; head: Buffer; size: number };

type StopReason = "too_large" | "timed_out" | "aborted";

/**
 * Reads a request body but never more than `limit` bytes: an oversized body is refused from its
 * Content-Length when declared, or as soon as the running total passes the limit. With a `deadline`
 * (epoch ms), a body still arriving then is given up on: a client trickling a byte a second holds a
 * request slot for as long as it likes otherwise.
 *
 * Reading stops without cancelling the stream, on purpose: cancelling a node:http request destroys its
 * connection, and the caller still has an answer (413, 408) to send on it.
 */
export async function readCappedBody(
  body: AsyncIterable<Uint8Array> | null,
  contentLength: string | null,
  limit = MAX_BODY_BYTES,
  deadline?: number,
): Promise<CappedBody> {
  const declared = contentLength !== null && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
  if (declared !== undefined && declared > limit) {
    return { ok: false, reason: "too_large", head: Buffer.alloc(0), size: Math.min(declared, MAX_RECORDED_SIZE) };
  }
  if (!body) return { ok: true, bytes: Buffer.alloc(0) };

  const chunks: Buffer[] = [];
  let total = 0;
  const stopped = (reason: StopReason) =>
    ({ ok: false, reason, head: Buffer.concat(chunks).subarray(0, HEAD_BYTES), size: total }) as const;
  const iterator = body[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const timedOut =
    deadline === undefined
      ? undefined
      : new Promise<"timed_out">((resolve) => {
          timer = setTimeout(() => resolve("timed_out"), Math.max(0, deadline - Date.now()));
        });
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array> | "timed_out";
      try {
        next = timedOut ? await Promise.race([iterator.next(), timedOut]) : await iterator.next();
      } catch {
        // A request stream fails only when its connection does: the client went away mid-body.
        return stopped("aborted");
      }
      if (next === "timed_out") return stopped("timed_out");
      if (next.done) break;
      const chunk = next.value;
      total += chunk.byteLength;
      chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (total > limit) return stopped("too_large");
    }
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
