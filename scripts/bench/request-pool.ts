import { randomBytes } from "node:crypto";
import { Webhook } from "svix";
import { CLERK_EVENT_TYPES } from "../../lib/senders/clerk/clerk-events";
import { sampleClerkEvent } from "../../lib/senders/clerk/clerk-samples";

// Signed requests made between load phases, so the load generator only copies bytes: signing in the loop
// (svix signs with a pure-JavaScript SHA-256: ~25 µs per 1 KiB body, ~0.6 ms per 64 KiB) would take CPU
// from the server on a small machine. Every request has its own svix-id and a fresh timestamp, so Hookbell
// stores each one (a repeated id would measure its duplicate path instead).

export const BENCH_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** svix accepts timestamps within ±5 minutes; a pool older than this is signed again before it is used. */
const MAX_AGE_MS = 3 * 60_000;

export type SignedRequest = { headers: Record<string, string>; body: Buffer };
type Payload = { text: string; bytes: Buffer };

export class RequestPool {
  private entries: SignedRequest[] = [];
  private cursor = 0;
  private generatedAt = 0;
  private batch = "";
  private readonly webhook = new Webhook(BENCH_SECRET);
  /** Requests signed during a phase because the pool ran out (each costs load-generator CPU). */
  signedLive = 0;

  constructor(
    readonly name: string,
    private readonly payloads: Payload[],
  ) {}

  get meanBodyBytes(): number {
    return Math.round(this.payloads.reduce((sum, p) => sum + p.bytes.length, 0) / this.payloads.length);
  }

  /** For a new server: the same requests again (re-signed when they are getting old). */
  startTarget(): void {
    if (Date.now() - this.generatedAt > MAX_AGE_MS) {
      this.batch = randomBytes(4).toString("hex");
      this.entries = [];
      this.generatedAt = Date.now();
    }
    this.cursor = 0;
    this.signedLive = 0;
  }

  /** Signs ahead, between phases, so the next `count` requests are ready. */
  reserve(count: number): void {
    const now = new Date();
    for (let n = this.entries.length; n < this.cursor + count; n++) this.entries.push(this.sign(n, now));
  }

  next(): SignedRequest {
    const entry = this.entries[this.cursor] ?? this.sign(this.cursor, new Date());
    if (this.cursor >= this.entries.length) this.signedLive++;
    this.cursor++;
    return entry;
  }

  private sign(n: number, at: Date): SignedRequest {
    const payload = this.payloads[n % this.payloads.length];
    const id = `msg_bench_${this.batch}_${n}`;
    return {
      body: payload.bytes,
      headers: {
        "content-type": "application/json",
        "svix-id": id,
        "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
        "svix-signature": this.webhook.sign(id, at, payload.text),
      },
    };
  }
}

function payload(event: Record<string, unknown>): Payload {
  const text = JSON.stringify(event);
  return { text, bytes: Buffer.from(text) };
}

/** Clerk's published example of every event type in turn (390 B to 2.4 KiB, about 1.2 KiB on average). */
export function clerkPayloads(): Payload[] {
  return CLERK_EVENT_TYPES.map((type) => payload(sampleClerkEvent(type)));
}

/** A user.updated event whose public metadata brings it to about `bytes` (a user with a large profile). */
export function largeClerkPayload(bytes: number): Payload[] {
  const event = sampleClerkEvent("user.updated");
  const base = JSON.stringify(event).length;
  const data = event.data as Record<string, unknown>;
  const entries = Math.max(1, Math.floor((bytes - base) / 58));
  data.public_metadata = Object.fromEntries(
    Array.from({ length: entries }, (_, i) => [`preference_${String(i).padStart(5, "0")}`, "x".repeat(36)]),
  );
  return [payload(event)];
}
