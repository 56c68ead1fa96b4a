import { randomBytes } from "node:crypto";
import { sign as signGitHub } from "@octokit/webhooks-methods";
import Stripe from "stripe";
import { Webhook } from "svix";
import { CLERK_EVENT_TYPES } from "../../lib/senders/clerk/clerk-events";
import { sampleClerkEvent } from "../../lib/senders/clerk/clerk-samples";
import { findSender } from "../../lib/senders/senders";

// Signed requests made between load phases, so the load generator only copies bytes: signing in the loop
// (svix signs with a pure-JavaScript SHA-256: ~25 µs per 1 KiB body, ~0.6 ms per 64 KiB) would take CPU
// from the server on a small machine. Every request has its own svix-id and a fresh timestamp, so Hookbell
// stores each one (a repeated id would measure its duplicate path instead). Each sender's requests are
// signed by that sender's own library: svix for Clerk, stripe's test header for Stripe, @octokit's sign for
// GitHub.

export const BENCH_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** svix accepts timestamps within ±5 minutes; a pool older than this is signed again before it is used. */
const MAX_AGE_MS = 3 * 60_000;

export type SignedRequest = { headers: Record<string, string>; body: Buffer };
type Payload = { text: string; bytes: Buffer };

/** Signs payload `index` of a pool as the request with delivery id `id`, at `at`. */
type Signer = (payload: Payload, index: number, id: string, at: Date) => SignedRequest;

/** The senders the bench posts as. */
export type BenchSender = "clerk" | "stripe" | "github";

function clerkSigner(): Signer {
  const webhook = new Webhook(BENCH_SECRET);
  return (payload, _index, id, at) => ({
    body: payload.bytes,
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
      "svix-signature": webhook.sign(id, at, payload.text),
    },
  });
}

/** Stripe's idempotency key is the event's id, in the body: each request is its own body, signed with it. */
const STRIPE_ID_MARK = "evt_BENCH_ID";

function stripeSigner(): Signer {
  const stripe = new Stripe("sk_test_bench");
  return (payload, _index, id, at) => {
    const text = payload.text.replace(STRIPE_ID_MARK, `evt_${id}`);
    const header = stripe.webhooks.generateTestHeaderString({
      payload: text,
      secret: BENCH_SECRET,
      timestamp: Math.floor(at.getTime() / 1000),
    });
    return { body: Buffer.from(text), headers: { "content-type": "application/json", "stripe-signature": header } };
  };
}

/** GitHub signs the body alone, so each payload is signed once; the delivery id is a header of its own. */
async function githubSigner(payloads: Payload[], events: string[]): Promise<Signer> {
  const signatures = await Promise.all(payloads.map((payload) => signGitHub(BENCH_SECRET, payload.text)));
  return (payload, index, id) => ({
    body: payload.bytes,
    headers: {
      "content-type": "application/json",
      "x-github-event": events[index % events.length],
      "x-github-delivery": id,
      "x-hub-signature-256": signatures[index % signatures.length],
    },
  });
}

/** A pool of `sender`'s requests: its own samples of every event type its catalog names, in turn. */
export async function senderPool(sender: BenchSender): Promise<RequestPool> {
  if (sender === "clerk") return new RequestPool("clerk", clerkPayloads());
  const module = findSender(sender);
  if (!module) throw new Error(`The bench needs the ${sender} sender, which is not registered.`);
  const now = new Date();
  const types = module.events.flatMap((group) => group.types.map((entry) => entry.type));
  const events = types.map((type) => module.sample(type, now));
  if (sender === "stripe") {
    const payloads = events.map((event) => payload({ ...event, id: STRIPE_ID_MARK }));
    return new RequestPool("stripe", payloads, stripeSigner());
  }
  const payloads = events.map(payload);
  // GitHub's event name is the header; the catalog's types are "<event>.<action>" or "<event>".
  const names = types.map((type) => type.split(".")[0]);
  return new RequestPool("github", payloads, await githubSigner(payloads, names));
}

export class RequestPool {
  private entries: SignedRequest[] = [];
  private cursor = 0;
  private generatedAt = 0;
  private batch = "";
  /** Requests signed during a phase because the pool ran out (each costs load-generator CPU). */
  signedLive = 0;

  constructor(
    readonly name: string,
    private readonly payloads: Payload[],
    private readonly signer: Signer = clerkSigner(),
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
    const index = n % this.payloads.length;
    return this.signer(this.payloads[index], index, `msg_bench_${this.batch}_${n}`, at);
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
