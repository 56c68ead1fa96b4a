import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { startDeliveryWorker } from "@/lib/delivery/delivery-worker";
import { Clock, deliveriesOf, FROM, ingest, webhookWithChannels } from "../delivery/harness";
import { clerkEvent } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The SMTP server and Slack are both down while events arrive and through several retry rounds, then
// come back on the same ports. Nothing is lost, nothing is sent twice, and the backlog goes out in the
// order it falls due. The worker runs on a clock the test moves, one delivery at a time (concurrency 1),
// so the order in which the SMTP server and Slack receive messages is the order of the claims.

const EVENTS = 6;
const OUTAGE_ROUNDS = 3;

let db: Db;
const smtp = new SmtpSink();
const slack = new SlackStandIn();

beforeAll(async () => {
  db = await openTestDb();
  // Learn a port for each, then take both down.
  await smtp.start();
  await slack.start();
  await smtp.stop();
  await slack.stop();
});

afterAll(async () => {
  await smtp.stop();
  await slack.stop();
});

const marker = (text: string | undefined) => Number(/Order(\d+)/.exec(text ?? "")?.[1] ?? -1);

it("retries through an SMTP and Slack outage, then delivers every alert exactly once in due order", async () => {
  const tenant = await seedTenant(db);
  const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { email: ["ops@example.com"], slack: true });
  const clock = new Clock();
  const worker = startDeliveryWorker(db, {
    smtpUrl: smtp.url,
    smtpFrom: FROM,
    slackOrigin: slack.origin,
    now: clock.now,
    autoStart: false,
    concurrency: 1,
  });
  const drainUntilQuiet = async () => {
    let total = 0;
    for (let n = await worker.drain(); n > 0; n = await worker.drain()) total += n;
    return total;
  };

  // Events arrive one second apart while both receivers are down; the worker tries each at once.
  const eventIds: string[] = [];
  for (let i = 0; i < EVENTS; i++) {
    if (i > 0) clock.advance(1000);
    const answer = await ingest(db, webhookId, clerkEvent("user.created", { last_name: `Order${i}` }), {
      now: clock.current,
    });
    expect(answer).toEqual({ status: 200, body: { received: true } });
    const [event] = await db.event.findMany({ where: { webhookId }, orderBy: { id: "desc" }, take: 1 });
    eventIds.push(event.id);
  }

  // Retry rounds: each round moves the clock on until every delivery has had one more failed attempt
  // (Slack's one-per-second pacing queues some of them a second or two behind the others).
  for (let round = 1; round <= OUTAGE_ROUNDS; round++) {
    for (let step = 0; step < 60; step++) {
      const rows = await deliveriesOf(db, webhookId);
      const behind = rows.filter((row) => row.attemptCount < round);
      if (behind.length === 0) break;
      const due = Math.min(...behind.map((row) => row.nextAttemptAt?.getTime() ?? Number.POSITIVE_INFINITY));
      if (due > clock.current.getTime()) clock.current = new Date(due);
      await drainUntilQuiet();
    }
    const rows = await deliveriesOf(db, webhookId);
    expect(rows.map((row) => [row.status, row.attemptCount])).toEqual(
      Array.from({ length: EVENTS * 2 }, () => ["retrying", round]),
    );
  }

  const beforeRecovery = await deliveriesOf(db, webhookId);
  expect(beforeRecovery).toHaveLength(EVENTS * 2);
  for (const row of beforeRecovery) {
    expect(row.attempts.map((attempt) => [attempt.number, attempt.outcome])).toEqual(
      Array.from({ length: OUTAGE_ROUNDS }, (_, i) => [i + 1, "retry"]),
    );
    const reason = row.kind === "email" ? "Could not send through the mail server" : "Could not reach Slack";
    for (const attempt of row.attempts) expect(attempt.error).toContain(reason);
  }
  expect(smtp.received).toHaveLength(0);
  expect(slack.posts).toHaveLength(0);

  // The due order at the moment the receivers come back, per channel kind, as event numbers.
  const dueOrder = (kind: string) =>
    beforeRecovery
      .filter((row) => row.kind === kind)
      .sort((a, b) => (a.nextAttemptAt?.getTime() ?? 0) - (b.nextAttemptAt?.getTime() ?? 0))
      .map((row) => eventIds.indexOf(row.eventId));
  const expectedMailOrder = dueOrder("email");
  const expectedSlackOrder = dueOrder("slack");

  await smtp.start(smtp.port);
  await slack.start(slack.port);
  const lastDue = Math.max(...beforeRecovery.map((row) => row.nextAttemptAt?.getTime() ?? 0));
  clock.current = new Date(lastDue + 1);
  // Drain until quiet; Slack's pacing releases one message a second, so the clock moves a second at a time.
  for (let step = 0; step < 60; step++) {
    await drainUntilQuiet();
    const open = await db.delivery.count({ where: { webhookId, status: { not: "sent" } } });
    if (open === 0) break;
    clock.advance(1000);
  }

  const rows = await deliveriesOf(db, webhookId);
  expect(rows.map((row) => [row.status, row.attemptCount])).toEqual(
    Array.from({ length: EVENTS * 2 }, () => ["sent", OUTAGE_ROUNDS + 1]),
  );
  for (const row of rows) {
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual([
      ...Array.from({ length: OUTAGE_ROUNDS }, () => "retry"),
      "sent",
    ]);
  }
  expect(smtp.received.map((mail) => marker(mail.parsed.subject))).toEqual(expectedMailOrder);
  const slackPath = new URL(slackUrl).pathname;
  expect(slack.posts.every((post) => post.path === slackPath)).toBe(true);
  expect(slack.posts.map((post) => marker(post.body.text))).toEqual(expectedSlackOrder);
  // Every event exactly once on each channel.
  expect([...expectedMailOrder].sort((a, b) => a - b)).toEqual(Array.from({ length: EVENTS }, (_, i) => i));
  expect([...expectedSlackOrder].sort((a, b) => a - b)).toEqual(Array.from({ length: EVENTS }, (_, i) => i));

  // Nothing is sent again later.
  clock.advance(48 * 3_600_000);
  expect(await drainUntilQuiet()).toBe(0);
  expect(smtp.received).toHaveLength(EVENTS);
  expect(slack.posts).toHaveLength(EVENTS);
}, 60_000);
