import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { MAX_BODY_BYTES } from "@/lib/ingest/read-capped-body";
import { webhookWithChannels } from "../delivery/harness";
import {
  type Answer,
  killServers,
  postIngest,
  Random,
  type RunningServer,
  runSeed,
  startServer,
  until,
} from "../helpers/load";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { openTestDb, seedTenant } from "../helpers/test-db";

// 50 concurrent senders on loopback against the real server (server.ts, embedded worker on, no SMTP so
// email goes to the Dev mailbox): valid events, bad signatures, duplicates of acknowledged events and
// oversized bodies. HOOKBELL_SOAK=1 runs it for a minute; `npm test` for five seconds. Email only: Slack's
// one message a second per URL would make the drain as long as the run. The per-webhook rate limit keeps its
// default (500/s); spread over twenty webhooks this load (about 6,000 req/s at most on two cores) stays under
// it, so a 429 is a failure. The per-address limit is raised: every sender here is 127.0.0.1.

const SOAK = process.env.HOOKBELL_SOAK === "1";
const SENDERS = 50;
const DURATION_MS = SOAK ? 60_000 : 5_000;
const DRAIN_TIMEOUT_MS = SOAK ? 600_000 : 90_000;
const WEBHOOKS = 20;
const SEED = runSeed();

type Kind = "valid" | "invalid" | "duplicate" | "oversized" | "oversized-streamed";
type Sent = { kind: Kind; webhookId: string; id: string; answer: Answer };

let db: Db;
let server: RunningServer;
const slack = new SlackStandIn();
const webhookIds: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  const tenant = await seedTenant(db);
  for (let i = 0; i < WEBHOOKS; i++) {
    const { webhookId } = await webhookWithChannels(db, tenant, { email: [`load${i}@example.com`] });
    webhookIds.push(webhookId);
  }
  await slack.start();
  server = await startServer({
    HOOKBELL_EMBEDDED_WORKER: "on",
    HOOKBELL_SLACK_ORIGIN: slack.origin,
    HOOKBELL_EMAIL_MONTHLY_LIMIT: "100000000",
    HOOKBELL_INGEST_RATE_PER_IP: "100000",
  });
});

afterAll(async () => {
  await killServers();
  await slack.stop();
});

function oversizedBody(): string {
  const filler = "x".repeat(MAX_BODY_BYTES + 1 + 4096);
  return JSON.stringify({ type: "user.updated", object: "event", data: { filler } });
}

/** The same oversized body sent in chunks without a Content-Length: the cap must trip while reading. */
function streamed(body: string): ReadableStream<Uint8Array> {
  const bytes = Buffer.from(body);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(new Uint8Array(bytes.subarray(offset, offset + 16_384)));
      offset += 16_384;
    },
  });
}

it(
  `answers ${SENDERS} concurrent senders correctly for ${DURATION_MS / 1000} s and alerts once per valid event`,
  async () => {
    const sent: Sent[] = [];
    const acknowledged: { webhookId: string; id: string; body: string }[] = [];
    const big = oversizedBody();
    const deadline = Date.now() + DURATION_MS;

    const sender = async (index: number) => {
      const random = new Random(SEED + index);
      for (let n = 0; Date.now() < deadline; n++) {
        const roll = random.next();
        const webhookId = webhookIds[random.int(WEBHOOKS)];
        const id = `msg_load_${index}_${n}`;
        if (roll < 0.15 && acknowledged.length > 0) {
          const earlier = acknowledged[random.int(acknowledged.length)];
          const headers = signedHeaders(earlier.body, { id: earlier.id });
          const answer = await postIngest(server.url, earlier.webhookId, earlier.body, headers);
          sent.push({ kind: "duplicate", webhookId: earlier.webhookId, id: earlier.id, answer });
        } else if (roll < 0.3) {
          const body = clerkEvent("user.created", { last_name: id });
          const headers = signedHeaders(body, { id, secret: OTHER_SECRET });
          sent.push({ kind: "invalid", webhookId, id, answer: await postIngest(server.url, webhookId, body, headers) });
        } else if (roll < 0.35) {
          const headers = signedHeaders(big, { id, secret: CLERK_SECRET });
          sent.push({
            kind: "oversized",
            webhookId,
            id,
            answer: await postIngest(server.url, webhookId, big, headers),
          });
        } else if (roll < 0.4) {
          const headers = signedHeaders(big, { id });
          const answer = await postIngest(server.url, webhookId, streamed(big), headers, {
            duplex: "half",
          } as RequestInit);
          sent.push({ kind: "oversized-streamed", webhookId, id, answer });
        } else {
          const body = clerkEvent("user.created", { last_name: id });
          const answer = await postIngest(server.url, webhookId, body, signedHeaders(body, { id }));
          sent.push({ kind: "valid", webhookId, id, answer });
          if (answer.status === 200) acknowledged.push({ webhookId, id, body });
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, (_, index) => sender(index)));

    const expected: Record<Kind, { status: number; json: unknown }> = {
      valid: { status: 200, json: { received: true } },
      duplicate: { status: 200, json: { received: true, duplicate: true } },
      invalid: { status: 401, json: { error: { code: "invalid_signature", message: expect.any(String) } } },
      oversized: { status: 413, json: { error: { code: "payload_too_large", message: expect.any(String) } } },
      "oversized-streamed": {
        status: 413,
        json: { error: { code: "payload_too_large", message: expect.any(String) } },
      },
    };
    const wrong = sent.filter(({ kind, answer }) => {
      const want = expected[kind];
      return answer.status !== want.status || !("json" in answer) || !matches(answer.json, want.json);
    });
    expect(wrong.slice(0, 10), `seed ${SEED}: ${wrong.length} wrong answers`).toEqual([]);
    const count = (kind: Kind) => sent.filter((entry) => entry.kind === kind).length;
    for (const kind of Object.keys(expected) as Kind[]) expect(count(kind), kind).toBeGreaterThan(0);
    const valid = sent.filter((entry) => entry.kind === "valid");

    // Every accepted svix-id stored exactly once, on the webhook it was sent to.
    const accepted = await db.event.findMany({
      where: { webhookId: { in: webhookIds }, outcome: "accepted" },
      select: { webhookId: true, dedupeKey: true, duplicateCount: true },
    });
    expect(accepted).toHaveLength(valid.length);
    expect(new Set(accepted.map((row) => `${row.webhookId}/${row.dedupeKey}`))).toEqual(
      new Set(valid.map((entry) => `${entry.webhookId}/${entry.id}`)),
    );
    expect(accepted.reduce((sum, row) => sum + row.duplicateCount, 0)).toBe(count("duplicate"));

    // The log of refused requests and duplicates, per webhook (bounded by HOOKBELL_REJECTED_LOG_LIMIT).
    const limit = getEnv().HOOKBELL_REJECTED_LOG_LIMIT;
    for (const webhookId of webhookIds) {
      const to = (kinds: Kind[]) => sent.filter((entry) => entry.webhookId === webhookId && kinds.includes(entry.kind));
      const rejected = await db.event.count({ where: { webhookId, outcome: "rejected" } });
      expect(rejected).toBe(Math.min(limit, to(["invalid", "oversized", "oversized-streamed"]).length));
      const duplicates = await db.event.count({ where: { webhookId, outcome: "duplicate" } });
      expect(duplicates).toBe(Math.min(limit, to(["duplicate"]).length));
    }

    // The embedded worker sends one alert per valid event into the Dev mailbox, and nothing else.
    await until(
      async () =>
        (await db.delivery.count({ where: { webhookId: { in: webhookIds }, status: "sent" } })) >= valid.length,
      `${valid.length} sent deliveries`,
      DRAIN_TIMEOUT_MS,
    );
    const deliveries = await db.delivery.findMany({
      where: { webhookId: { in: webhookIds } },
      select: { id: true, eventId: true, status: true, attemptCount: true, kind: true },
    });
    expect(deliveries).toHaveLength(valid.length);
    expect(deliveries.filter((row) => row.status !== "sent" || row.attemptCount !== 1 || row.kind !== "email")).toEqual(
      [],
    );
    expect(new Set(deliveries.map((row) => row.eventId)).size).toBe(valid.length);
    const mailbox = await db.mailboxMessage.findMany({ select: { deliveryId: true, recipients: true } });
    expect(mailbox).toHaveLength(valid.length);
    expect(new Set(mailbox.map((message) => message.deliveryId))).toEqual(new Set(deliveries.map((row) => row.id)));
    expect(slack.posts).toHaveLength(0);
    expect(server.logs()).not.toMatch(/failed|Error/);
  },
  SOAK ? 900_000 : 180_000,
);

/** expect's asymmetric matching, as a boolean. */
function matches(actual: unknown, want: unknown): boolean {
  try {
    expect(actual).toEqual(want);
    return true;
  } catch {
    return false;
  }
}
