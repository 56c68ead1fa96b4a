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
const last = new Map<string, { time: number; random: bigint }>();

/**
 * Time-ordered ids (ULID layout: 48-bit milliseconds + 80 random bits, Crockford base32) so that
 * sorting log rows by id sorts them by arrival; within one millisecond the random part increments.
 */
export function newEventId(now = Date.now()): string {
  return newTimeOrderedId("evt", now);
}

/** Deliveries and attempts sort by creation the same way events do. */
export function newTimeOrderedId(prefix: string, now = Date.now()): string {
  let random: bigint;
  const previous = last.get(prefix);
  if (previous && now <= previous.time) {
    now = previous.time;
    random = previous.random + 1n;
  } else {
    random = BigInt(`0x${randomBytes(10).toString("hex")}`);
  }
  last.set(prefix, { time: now, random });
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = "";
  let r = random;
  for (let i = 0; i < 16; i++) {
    rand = CROCKFORD[Number(r % 32n)] + rand;
    r /= 32n;
  }
  return `${prefix}_${time}${rand}`;
}

/** The smallest event id of the given moment: `id >= eventIdFloor(t)` selects events received at t or later. */
export function eventIdFloor(at: Date): string {
  let time = "";
  let t = Math.max(0, at.getTime());
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `evt_${time}${"0".repeat(16)}`;
}
