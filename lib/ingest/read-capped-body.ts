export const MAX_BODY_BYTES = 256 * 1024;
// Sizes are stored in a 32-bit column (PostgreSQL INTEGER); a declared Content-Length can claim anything
// up to 2^64-1, so what is recorded is capped here.
export const MAX_RECORDED_SIZE = 2_147_483_647;

export type CappedBody =
  | { ok: true; bytes: Buffer }
  /** `head` holds what was read before the cap was hit; `size` is a lower bound when reading stopped early. */
  | { ok: false; head: Buffer; size: number };

/**
 * Reads a request body but never more than `limit` bytes: an oversized body is refused from its
 * Content-Length when declared, or as soon as the running total passes the limit.
 */
export async function readCappedBody(
  body: AsyncIterable<Uint8Array> | null,
  contentLength: string | null,
  limit = MAX_BODY_BYTES,
): Promise<CappedBody> {
  const declared = contentLength !== null && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
  if (declared !== undefined && declared > limit) {
    return { ok: false, head: Buffer.alloc(0), size: Math.min(declared, MAX_RECORDED_SIZE) };
  }
  if (!body) return { ok: true, bytes: Buffer.alloc(0) };

  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (total > limit) return { ok: false, head: Buffer.concat(chunks).subarray(0, 4096), size: total };
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}
