import { afterAll, beforeAll, expect, it } from "vitest";
import { createChannel } from "@/lib/channels/create-channel";
import type { Db } from "@/lib/db/client";
import { parseNotAlerted } from "@/lib/log/not-alerted";
import { webhookWithChannels } from "../delivery/harness";
import { type Answer, killServers, mapPool, postIngest, type RunningServer, startServer, until } from "../helpers/load";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The real server (server.ts) on this file's SQLite database is SIGKILLed while hundreds of signed
// requests are in flight. Whatever it acknowledged must be stored; whatever it did not, the sender sends
// again (as Svix does), and in the end every svix-id is stored exactly once with exactly one alert, and
// with the "not alerted" entry of the webhook's other channel (no event is ever stored without it).

const N = 600;
const KILL_AFTER_ACKS = 50;
// The sender keeps this many requests open and sends the next as each one is answered. Firing all N at
// once let the server commit and answer the whole burst (group commit acknowledges hundreds together)
// before this process, on a busy machine, had read its 50th answer: the kill then came after the last
// answer and nothing was left to cut. Now at most KILL_AFTER_ACKS + IN_FLIGHT requests have started when
// the kill is sent, so the rest meet a dead server however fast it was.
const IN_FLIGHT = 200;
const EMAIL_LIMIT = "100000";
// The burst comes from one address (this test) but stands for a sender's many: one address may use every slot.
const ALL_SLOTS = { HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: "1000" };

let db: Db;
let webhookId: string;
let server: RunningServer;

beforeAll(async () => {
  db = await openTestDb();
  const tenant = await seedTenant(db);
  ({ webhookId } = await webhookWithChannels(db, tenant, { email: ["oncall@example.com"] }));
  // A channel that never alerts on these events: its "not alerted" entry is part of each event row.
  await createChannel(db, tenant, webhookId, {
    kind: "email",
    name: "Sessions",
    recipients: "sessions@example.com",
    eventTypes: ["session.revoked"],
  });
  // No worker in the first life of the server: only ingest is interrupted.
  server = await startServer({
    HOOKBELL_EMBEDDED_WORKER: "off",
    HOOKBELL_EMAIL_MONTHLY_LIMIT: EMAIL_LIMIT,
    ...ALL_SLOTS,
  });
});

afterAll(async () => {
  await killServers();
});

const ids = Array.from({ length: N }, (_, i) => `msg_kill_${String(i).padStart(4, "0")}`);
const bodies = new Map(ids.map((id, i) => [id, clerkEvent("user.created", { id: `user_kill_${i}`, last_name: id })]));

function send(url: string, id: string): Promise<Answer> {
  const body = bodies.get(id) as string;
  // A fresh signature timestamp on every send, as a retrying sender would produce.
  return postIngest(url, webhookId, body, signedHeaders(body, { id }));
}

async function acceptedRows() {
  return db.event.findMany({
    where: { webhookId, outcome: "accepted" },
    select: { dedupeKey: true, id: true, notAlerted: true },
  });
}

/** Each stored event names the silent channel exactly once, with its reason. */
function expectNotAlertedOnEach(rows: { notAlerted: string | null }[]) {
  for (const row of rows) {
    expect(parseNotAlerted(row.notAlerted).map((entry) => entry.reason)).toEqual([
      "Not alerted: user.created is not in this channel's event types.",
    ]);
  }
}

it("keeps every acknowledged event after a SIGKILL, and stores each svix-id exactly once after the sender retries", async () => {
  const answers = new Map<string, Answer>();
  let acks = 0;
  await mapPool(ids, IN_FLIGHT, async (id) => {
    const answer = await send(server.url, id);
    answers.set(id, answer);
    if (answer.status >= 200 && answer.status < 300 && ++acks === KILL_AFTER_ACKS) server.child.kill("SIGKILL");
  });
  expect(await server.exited).toBe("SIGKILL");

  const acknowledged = ids.filter((id) => answers.get(id)?.status === 200);
  const unanswered = ids.filter((id) => answers.get(id)?.status !== 200);
  // The kill really fell in the middle of the burst, and nothing but 200 or a cut connection came back.
  expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(unanswered.length).toBeGreaterThan(0);
  for (const id of unanswered) expect(answers.get(id)?.status, id).toBe(0);
  for (const id of acknowledged) expect(answers.get(id), id).toMatchObject({ json: { received: true } });

  // Before any retry: every acknowledged id is in the database exactly once.
  const afterCrash = await acceptedRows();
  const storedOnce = new Map<string, number>();
  for (const row of afterCrash) storedOnce.set(row.dedupeKey ?? "", (storedOnce.get(row.dedupeKey ?? "") ?? 0) + 1);
  for (const id of acknowledged) expect(storedOnce.get(id), id).toBe(1);
  expect(afterCrash.length).toBeGreaterThanOrEqual(acknowledged.length);
  expect(afterCrash.length).toBeLessThanOrEqual(N);
  // The outbox committed with each event, not after it: one delivery per stored event, no more, no fewer.
  expect(await db.delivery.count({ where: { webhookId } })).toBe(afterCrash.length);
  expectNotAlertedOnEach(afterCrash);
  const committedBeforeRestart = new Set(afterCrash.map((row) => row.dedupeKey));

  // Second life, worker on (Dev mailbox). The sender retries what was not acknowledged, plus some
  // that were (duplicates).
  server = await startServer({
    HOOKBELL_EMBEDDED_WORKER: "on",
    HOOKBELL_EMAIL_MONTHLY_LIMIT: EMAIL_LIMIT,
    ...ALL_SLOTS,
  });
  const duplicates = acknowledged.slice(0, 40);
  const resent = [...unanswered, ...duplicates];
  const retries = await Promise.all(resent.map((id) => send(server.url, id)));
  const retried = new Map(resent.map((id, i) => [id, retries[i]]));

  for (const id of resent) expect(retried.get(id)?.status, id).toBe(200);
  for (const id of duplicates) expect(retried.get(id), id).toMatchObject({ json: { received: true, duplicate: true } });
  // An unacknowledged request is a duplicate exactly when the crash came between its commit and its answer.
  for (const id of unanswered) {
    const expected = committedBeforeRestart.has(id) ? { received: true, duplicate: true } : { received: true };
    expect(retried.get(id), id).toEqual({ status: 200, json: expected });
  }

  const rows = await acceptedRows();
  expect(rows).toHaveLength(N);
  expect(new Set(rows.map((row) => row.dedupeKey))).toEqual(new Set(ids));
  expectNotAlertedOnEach(rows);
  const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
  expect(webhook.eventCount).toBe(N);
  const duplicateAnswers = retries.filter((answer) => "json" in answer && answer.json.duplicate === true).length;
  const { _sum } = await db.event.aggregate({
    where: { webhookId, outcome: "accepted" },
    _sum: { duplicateCount: true },
  });
  expect(_sum.duplicateCount).toBe(duplicateAnswers);

  // Exactly one alert per svix-id: one delivery each, all sent once into the Dev mailbox.
  await until(
    async () => (await db.delivery.count({ where: { webhookId, status: "sent" } })) === N,
    `${N} sent deliveries`,
    60_000,
  );
  const deliveries = await db.delivery.findMany({
    where: { webhookId },
    select: { eventId: true, attemptCount: true },
  });
  expect(deliveries).toHaveLength(N);
  expect(new Set(deliveries.map((row) => row.eventId)).size).toBe(N);
  expect(deliveries.every((row) => row.attemptCount === 1)).toBe(true);
  const mailbox = await db.mailboxMessage.findMany({ select: { deliveryId: true, subject: true } });
  expect(mailbox).toHaveLength(N);
  expect(new Set(mailbox.map((message) => message.deliveryId)).size).toBe(N);
  // Each svix-id's event (its last_name is the id) reached the mailbox exactly once.
  expect(new Set(mailbox.map((message) => /msg_kill_\d{4}/.exec(message.subject)?.[0]))).toEqual(new Set(ids));
  expect(server.logs()).not.toMatch(/failed|Error/);
}, 120_000);
