import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `length` random base62 characters (5.95 bits each), unbiased by rejection sampling. */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Webhook ids appear in public ingest URLs, so they carry 24 × 5.95 ≈ 143 bits of randomness. */
export function newWebhookId(): string {
  return `wh_${randomBase62(24)}`;
}

export function isWebhookId(value: string): boolean {
  return /^wh_[0-9A-Za-z]{24}$/.test(value);
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBase62(20)}`;
}

// Monotonic per prefix: each kind of id orders its own rows; one kind's clock does not move another's.
// The 80 random bits are kept as two 40-bit halves (exact in a double), so no BigInt is needed.
const last = new Map<string, { time: number; high: number; low: number }>();
const HALF = 2 ** 40;

// Random bytes are drawn a few kilobytes at a time: one call per id costs more than the rest of the id.
const pool = { bytes: Buffer.alloc(0), offset: 0 };

function random40(): number {
  if (pool.offset + 5 > pool.bytes.length) {
    pool.bytes = randomBytes(4096);
    pool.offset = 0;
  }
  const value = pool.bytes.readUIntBE(pool.offset, 5);
  pool.offset += 5;
  return value;
}

/**
 * Time-ordered ids (ULID layout: 48-bit milliseconds + 80 random bits, Crockford base32) so that
 * sorting log rows by id sorts them by arrival; within one millisecond the random part increments.
 */
export function newEventId(now = Date.now()): string {
  return newTimeOrderedId("evt", now);
}

/** Deliveries and attempts sort by creation the same way events do. */
export function newTimeOrderedId(prefix: string, now = Date.now()): string {
  const previous = last.get(prefix);
  let next: { time: number; high: number; low: number };
  if (previous && now <= previous.time) {
    next = { time: previous.time, high: previous.high, low: previous.low + 1 };
    if (next.low === HALF) next = { ...next, high: next.high + 1, low: 0 };
    // 2^80 ids in one millisecond: move to the next one.
    if (next.high === HALF) next = { time: previous.time + 1, high: random40(), low: random40() };
  } else {
    next = { time: now, high: random40(), low: random40() };
  }
  last.set(prefix, next);
  return `${prefix}_${base32(next.time, 10)}${base32(next.high, 8)}${base32(next.low, 8)}`;
}

function base32(value: number, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) {
    out = CROCKFORD[value % 32] + out;
    value = Math.floor(value / 32);
  }
  return out;
}

/** The smallest event id of the given moment: `id >= eventIdFloor(t)` selects events received at t or later. */
export function eventIdFloor(at: Date): string {
  return `evt_${base32(Math.max(0, at.getTime()), 10)}${"0".repeat(16)}`;
}
