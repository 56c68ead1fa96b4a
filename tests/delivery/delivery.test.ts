import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { startDeliveryWorker } from "@/lib/delivery/delivery-worker";
import { replayEvent, replayWindow } from "@/lib/delivery/replay-events";
import { retryDelivery } from "@/lib/delivery/retry-delivery";
import { RETRY_DELAYS_MS } from "@/lib/delivery/retry-schedule";
import { getUsage } from "@/lib/delivery/usage-quota";
import { resetEnvForTests } from "@/lib/env";
import { SLACK_FIELD_MAX, SLACK_FIELDS_PER_SECTION, SLACK_MAX_BLOCKS, SLACK_SECTION_MAX } from "@/lib/templates/limits";
import type { SlackBlock } from "@/lib/templates/slack-blocks";
import { clerkEvent } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { openTestDb, seedTenant } from "../helpers/test-db";
import { Clock, deliveriesOf, ingest, testWorker, webhookWithChannels } from "./harness";

// A real SQLite file, a real SMTP server (smtp-server) and a real HTTP server playing Slack. The worker
// runs on a clock the test moves, so backoff and Retry-After are checked exactly, without sleeping.

let db: Db;
let tenant: Tenant;
const smtp = new SmtpSink();
const slack = new SlackStandIn();
const signup = () =>
  clerkEvent("user.created", {
    email_addresses: [{ id: "idn_1", email_address: "ada@example.com" }],
    primary_email_address_id: "idn_1",
  });

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  await smtp.start();
  await slack.start();
});

// Each test looks only at its own webhook, but the worker claims whatever is due: start every test empty.
afterEach(async () => {
  await db.delivery.deleteMany({});
});

afterAll(async () => {
  await smtp.stop();
  await slack.stop();
});

function worker(clock: Clock, smtpUrl: string | null = smtp.url) {
  return testWorker(db, clock, { smtpUrl: smtpUrl ?? undefined, slackOrigin: slack.origin });
}

function postsTo(slackUrl: string) {
  const path = new URL(slackUrl).pathname;
  return slack.posts.filter((post) => post.path === path);
}

function mailTo(address: string) {
  return smtp.received.filter((mail) => mail.envelopeTo.includes(address));
}

describe("an accepted event", () => {
  it("commits one pending delivery per enabled channel in the same transaction as the event", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["outbox@example.com"], slack: true });
    const answer = await ingest(db, webhookId, signup(), { now: clock.current });
    expect(answer.status).toBe(200);
    const [event] = await db.event.findMany({ where: { webhookId } });
    const rows = await deliveriesOf(db, webhookId);
    expect(rows.map((row) => [row.kind, row.status, row.eventId])).toEqual([
      ["email", "pending", event.id],
      ["slack", "pending", event.id],
    ]);
  });

  it("reaches the SMTP server and Slack with the rendered content", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { email: ["ops@example.com"], slack: true });
    await ingest(db, webhookId, signup(), { now: clock.current });
    expect(await worker(clock).drain()).toBe(2);

    const [mail] = mailTo("ops@example.com");
    expect(mail.parsed.subject).toContain("Ada Lovelace");
    expect(mail.parsed.html).toContain("ada@example.com");
    expect(mail.parsed.text).toContain("Ada Lovelace");
    expect(mail.parsed.from?.text).toContain("alerts@hookbell.test");

    const [post] = postsTo(slackUrl);
    // The notification text alone must say what happened: mobile notifications show nothing else.
    expect(post.body.text).toBe(":tada: New signup: Ada Lovelace (ada@example.com)");
    const blocks = (post.body.blocks ?? []) as SlackBlock[];
    expect(blocks.map((block) => block.type)).toEqual(["header", "section", "section", "context", "actions"]);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
    expect(blocks[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: ":tada: New signup: Ada Lovelace" },
    });
    const fields = blocks.flatMap((block) => (block.type === "section" ? (block.fields ?? []) : []));
    expect(fields.map((field) => field.text.split("\n")[0])).toEqual(["*Name*", "*Email*", "*User ID*", "*Signed up*"]);
    expect(fields.length).toBeLessThanOrEqual(SLACK_FIELDS_PER_SECTION);
    for (const field of fields) expect(field.text.length).toBeLessThanOrEqual(SLACK_FIELD_MAX);
    for (const block of blocks) {
      if (block.type === "section" && block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_SECTION_MAX);
    }
    const context = blocks.find((block) => block.type === "context");
    expect(context?.elements[0].text).toContain("`user.created`");
    const actions = blocks.find((block) => block.type === "actions");
    expect(actions?.elements[0]).toMatchObject({ type: "button", text: { text: "View in Hookbell" } });
    expect(actions?.elements[0].url).toMatch(/^http:\/\/hookbell\.test\/logs\/evt_[0-9A-Z]+$/);

    const rows = await deliveriesOf(db, webhookId);
    expect(rows.map((row) => [row.kind, row.status, row.attemptCount])).toEqual([
      ["email", "sent", 1],
      ["slack", "sent", 1],
    ]);
    expect(rows[1].attempts[0]).toMatchObject({ outcome: "sent", statusCode: 200, response: "ok" });
  });

  it("sends a duplicate svix-id's alerts once", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    const body = signup();
    await ingest(db, webhookId, body, { id: "msg_dupe", now: clock.current });
    await ingest(db, webhookId, body, { id: "msg_dupe", now: clock.current });
    await worker(clock).drain();
    expect(postsTo(slackUrl)).toHaveLength(1);
    expect(await deliveriesOf(db, webhookId)).toHaveLength(1);
  });
});

describe("Slack answers", () => {
  it("retries a 500 with backoff and sends on the second attempt", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    slack.answerNext({ status: 500, body: "rollup_error" });
    await ingest(db, webhookId, undefined, { now: clock.current });
    const work = worker(clock);
    await work.drain();

    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("retrying");
    expect(row.statusReason).toContain("500");
    const wait = (row.nextAttemptAt?.getTime() ?? 0) - clock.current.getTime();
    expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0] * 0.8);
    expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_MS[0] * 1.2);

    expect(await work.drain()).toBe(0); // not due yet
    clock.advance(wait);
    expect(await work.drain()).toBe(1);
    [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => [attempt.number, attempt.outcome, attempt.statusCode])).toEqual([
      [1, "retry", 500],
      [2, "sent", 200],
    ]);
    expect(postsTo(slackUrl)).toHaveLength(2);
  });

  it("waits exactly as long as a 429's Retry-After asks", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    slack.answerNext({ status: 429, body: "rate_limited", headers: { "retry-after": "30" } });
    await ingest(db, webhookId, undefined, { now: clock.current });
    const work = worker(clock);
    await work.drain();
    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("retrying");
    expect(row.nextAttemptAt?.getTime()).toBe(clock.current.getTime() + 30_000);
    clock.advance(29_000);
    expect(await work.drain()).toBe(0);
    clock.advance(1000);
    expect(await work.drain()).toBe(1);
    [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(postsTo(slackUrl)).toHaveLength(2);
  });

  it("fails a 404 no_service at once with the reason, never retries it, and gives the quota back", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    slack.answerNext({ status: 404, body: "no_service" });
    const before = (await getUsage(db, tenant.projectId, clock.current)).find((u) => u.kind === "slack")?.used;
    await ingest(db, webhookId, undefined, { now: clock.current });
    const work = worker(clock);
    await work.drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toContain("no_service");
    expect(row.nextAttemptAt).toBeNull();
    clock.advance(48 * 3_600_000);
    expect(await work.drain()).toBe(0);
    expect(postsTo(slackUrl)).toHaveLength(1);
    const after = (await getUsage(db, tenant.projectId, clock.current)).find((u) => u.kind === "slack")?.used;
    expect(after).toBe(before);
  });

  it("paces messages to one Slack URL at one per second, queueing rather than dropping", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    for (let i = 0; i < 3; i++) await ingest(db, webhookId, clerkEvent("user.updated"), { now: clock.current });
    const work = worker(clock);
    await work.drain();
    expect(postsTo(slackUrl)).toHaveLength(1);
    await work.drain();
    expect(postsTo(slackUrl)).toHaveLength(1);
    clock.advance(1000);
    await work.drain();
    expect(postsTo(slackUrl)).toHaveLength(2);
    clock.advance(1000);
    await work.drain();
    expect(postsTo(slackUrl)).toHaveLength(3);
    const rows = await deliveriesOf(db, webhookId);
    expect(rows.map((row) => [row.status, row.attemptCount])).toEqual([
      ["sent", 1],
      ["sent", 1],
      ["sent", 1],
    ]);
  });

  it("holds every queued message to a URL after a 429, not only the one refused", async () => {
    const clock = new Clock();
    const start = clock.current.getTime();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    slack.answerNext({ status: 429, body: "rate_limited", headers: { "retry-after": "30" } });
    await ingest(db, webhookId, clerkEvent("user.updated"), { now: clock.current });
    await ingest(db, webhookId, clerkEvent("user.updated"), { now: clock.current });
    const work = worker(clock);
    for (let second = 0; second < 30; second++) {
      await work.drain();
      clock.advance(1000);
    }
    expect(postsTo(slackUrl)).toHaveLength(1); // only the refused one, nothing during the hold
    for (let second = 0; second < 3; second++) {
      await work.drain();
      clock.advance(1000);
    }
    expect(postsTo(slackUrl)).toHaveLength(3);
    const rows = await deliveriesOf(db, webhookId);
    expect(rows.map((row) => row.status)).toEqual(["sent", "sent"]);
    for (const row of rows) {
      for (const attempt of row.attempts.filter((a) => a.outcome === "sent")) {
        expect(attempt.startedAt.getTime()).toBeGreaterThanOrEqual(start + 30_000);
      }
    }
  });

  it("does not turn a user named <!channel> into a Slack mention", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    await ingest(db, webhookId, clerkEvent("user.created", { first_name: "<!channel>", last_name: "<@U123>" }), {
      now: clock.current,
    });
    await worker(clock).drain();
    const [post] = postsTo(slackUrl);
    // The header is plain_text, which Slack shows literally (no mentions there); every mrkdwn part is escaped.
    const [header, ...rest] = (post.body.blocks ?? []) as SlackBlock[];
    expect(header).toMatchObject({ type: "header", text: { type: "plain_text" } });
    const sent = JSON.stringify({ text: post.body.text, blocks: rest });
    expect(sent).not.toContain("<!channel>");
    expect(sent).not.toContain("<@U123>");
    expect(post.body.text).toContain("&lt;!channel&gt;");
    // The button's link is Hookbell's own, untouched.
    expect(rest.at(-1)).toMatchObject({
      type: "actions",
      elements: [{ url: expect.stringMatching(/^http:\/\/hookbell\.test\/logs\/evt_/) }],
    });
  });

  it("keeps {{constructor}} tricks away from prototypes", async () => {
    const clock = new Clock();
    const template =
      'A{{constructor}}B{{event.constructor.name}}C{{lookup event "__proto__"}}D{{#with event}}{{__proto__.polluted}}{{/with}}E';
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true, slackTemplate: template });
    await ingest(db, webhookId, '{"type":"user.created","data":{},"__proto__":{"polluted":"yes"}}', {
      now: clock.current,
    });
    await worker(clock).drain();
    const [post] = postsTo(slackUrl);
    expect(post.body.text).toBe("ABCDE");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("email over SMTP", () => {
  it("retries while the SMTP server is down and sends once it is back", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["down@example.com"] });
    const port = smtp.port;
    await smtp.stop();
    await ingest(db, webhookId, undefined, { now: clock.current });
    const work = worker(clock);
    await work.drain();
    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("retrying");
    expect(row.attempts[0].error).toMatch(/Could not send through the mail server/);

    await smtp.start(port);
    clock.advance(RETRY_DELAYS_MS[0] * 1.2);
    expect(await work.drain()).toBe(1);
    [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(mailTo("down@example.com")).toHaveLength(1);
  });

  it("fails at once when the server refuses the recipient with a 5xx", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["nobody@example.com"] });
    smtp.refuseWith = { code: 550, message: "No such user" };
    try {
      await ingest(db, webhookId, undefined, { now: clock.current });
      await worker(clock).drain();
    } finally {
      smtp.refuseWith = null;
    }
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toContain("550");
    expect(row.attempts).toHaveLength(1);
  });

  it("keeps email in the Dev mailbox when no SMTP server is configured", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["dev@example.com"] });
    await ingest(db, webhookId, signup(), { now: clock.current });
    await worker(clock, null).drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    const message = await db.mailboxMessage.findFirst({ where: { deliveryId: row.id } });
    expect(JSON.parse(message?.recipients ?? "[]")).toEqual(["dev@example.com"]);
    expect(message?.subject).toContain("Ada Lovelace");
    expect(mailTo("dev@example.com")).toHaveLength(0);
  });
});

describe("nothing is lost", () => {
  it("re-sends a delivery whose worker died mid-send once its lease expires, exactly once more", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    await ingest(db, webhookId, undefined, { now: clock.current });
    // A worker claims the delivery and dies before recording anything.
    const [claim] = await claimDeliveries(db, 10, clock.current, 60_000);
    expect(claim).toBeDefined();
    const work = worker(clock);
    expect(await work.drain()).toBe(0);
    clock.advance(60_001);
    expect(await work.drain()).toBe(1);
    expect(await work.drain()).toBe(0);
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    expect(row.attempts[0].error).toContain("lease expired");
    expect(postsTo(slackUrl)).toHaveLength(1);
  });

  it("ignores the result of a worker whose lease was taken over: no second state, no quota given back", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    const used = async () =>
      (await getUsage(db, tenant.projectId, clock.current)).find((u) => u.kind === "slack")?.used ?? 0;
    const before = await used();
    // Worker A's request hangs, then fails for good; meanwhile its lease runs out and B sends.
    slack.answerNext({ status: 404, body: "no_service", delayMs: 400 });
    await ingest(db, webhookId, undefined, { now: clock.current });
    const slow = worker(clock).drain();
    while (postsTo(slackUrl).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    clock.advance(61_000);
    expect(await worker(clock).drain()).toBe(1);
    await slow;

    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    expect(await used()).toBe(before + 1);
  });

  it("logs an event outside a channel's filter as filtered and alerts nobody", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, {
      slack: true,
      email: ["filter@example.com"],
      eventTypes: ["user.created"],
    });
    await ingest(db, webhookId, clerkEvent("session.created"), { now: clock.current });
    await worker(clock).drain();
    const [event] = await db.event.findMany({ where: { webhookId } });
    expect(event.outcome).toBe("accepted");
    const rows = await deliveriesOf(db, webhookId);
    expect(rows.map((row) => row.status)).toEqual(["filtered", "filtered"]);
    expect(rows[0].statusReason).toContain("Not alerted: session.created is not in this channel's event types.");
    expect(postsTo(slackUrl)).toHaveLength(0);
    expect(mailTo("filter@example.com")).toHaveLength(0);
  });

  it("records deliveries over the monthly quota as skipped (quota) and shows the usage", async () => {
    const quotaTenant = await seedTenant(db);
    process.env.HOOKBELL_EMAIL_MONTHLY_LIMIT = "2";
    resetEnvForTests();
    try {
      const clock = new Clock();
      const { webhookId } = await webhookWithChannels(db, quotaTenant, { email: ["quota@example.com"], slack: true });
      for (let i = 0; i < 3; i++) await ingest(db, webhookId, clerkEvent("user.updated"), { now: clock.current });
      const work = worker(clock);
      for (let i = 0; i < 3; i++) {
        await work.drain();
        clock.advance(1000); // Slack pacing: one message per second to this URL
      }
      const rows = await deliveriesOf(db, webhookId);
      // The three are due at the same moment and sent concurrently: which one meets the spent quota is not set.
      const email = rows.filter((row) => row.kind === "email");
      expect(email.map((row) => row.status).sort()).toEqual(["sent", "sent", "skipped"]);
      expect(email.find((row) => row.status === "skipped")?.statusReason).toContain("quota");
      expect(rows.filter((row) => row.kind === "slack").map((row) => row.status)).toEqual(["sent", "sent", "sent"]);
      expect(mailTo("quota@example.com")).toHaveLength(2);
      // Every kind is listed; this test sends only email and Slack.
      const usage = await getUsage(db, quotaTenant.projectId, clock.current);
      expect(usage.filter((row) => row.kind === "email" || row.kind === "slack")).toEqual([
        { kind: "email", used: 2, limit: 2 },
        { kind: "slack", used: 3, limit: 6 },
      ]);
    } finally {
      delete process.env.HOOKBELL_EMAIL_MONTHLY_LIMIT;
      resetEnvForTests();
    }
  });
});

describe("the running worker", () => {
  it("wakes the moment ingest commits work, without waiting for its poll, and stops cleanly", async () => {
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    const running = startDeliveryWorker(db, {
      smtpUrl: smtp.url,
      smtpFrom: "Hookbell <alerts@hookbell.test>",
      slackOrigin: slack.origin,
      pollMs: 60_000,
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // its first round finds nothing
      const sentAt = Date.now();
      await ingest(db, webhookId);
      while (postsTo(slackUrl).length === 0 && Date.now() - sentAt < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(postsTo(slackUrl)).toHaveLength(1);
      expect(Date.now() - sentAt).toBeLessThan(5_000);
    } finally {
      await running.stop();
    }
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
  });
});

describe("retry and replay", () => {
  it("counts a render that fails against the quota, and each Retry now as a send of its own", async () => {
    const clock = new Clock();
    // Renders for the sample (it has a first name), and nothing for an event without one.
    const { webhookId } = await webhookWithChannels(db, tenant, {
      slack: true,
      slackTemplate: "{{event.data.first_name}}",
    });
    const used = async () =>
      (await getUsage(db, tenant.projectId, clock.current)).find((u) => u.kind === "slack")?.used;
    const before = (await used()) ?? 0;
    await ingest(db, webhookId, clerkEvent("user.updated", { first_name: null }), { now: clock.current });
    const work = worker(clock);
    await work.drain();
    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toContain("could not be rendered");
    expect(await used()).toBe(before + 1);

    await retryDelivery(db, tenant, row.id, clock.current);
    await work.drain();
    [row] = await deliveriesOf(db, webhookId);
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["failed", "failed"]);
    expect(await used()).toBe(before + 2);
  });

  it("retries a failed delivery now, keeping its attempt history", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    slack.answerNext({ status: 410, body: "channel_is_archived" });
    await ingest(db, webhookId, undefined, { now: clock.current });
    const work = worker(clock);
    await work.drain();
    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toContain("archived");

    await retryDelivery(db, tenant, row.id, clock.current);
    clock.advance(1000);
    await work.drain();
    [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["failed", "sent"]);
    expect(postsTo(slackUrl)).toHaveLength(2);
    await expect(retryDelivery(db, tenant, row.id)).rejects.toThrow(/Only failed, skipped or retrying/);
  });

  it("replays one event, and every event of a time window, to the channels as configured now", async () => {
    const clock = new Clock(new Date("2026-11-20T10:00:00Z"));
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    const times = ["2026-11-20T10:00:00Z", "2026-11-20T11:00:00Z", "2026-11-20T12:00:00Z"].map((t) => new Date(t));
    for (const now of times) {
      clock.current = now;
      await ingest(db, webhookId, clerkEvent("user.updated"), { now });
      await worker(clock).drain();
    }
    const events = await db.event.findMany({ where: { webhookId }, orderBy: { id: "asc" } });
    expect(postsTo(slackUrl)).toHaveLength(3);

    clock.advance(60_000);
    const one = await replayEvent(db, tenant, events[0].id, clock.current);
    expect(one).toEqual({ events: 1, deliveries: 1 });
    await worker(clock).drain();
    expect(postsTo(slackUrl)).toHaveLength(4);

    const window = await replayWindow(db, tenant, webhookId, times[1], times[2], clock.current);
    expect(window).toEqual({ events: 2, deliveries: 2 });
    const work = worker(clock);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await work.drain();
    }
    expect(postsTo(slackUrl)).toHaveLength(6);
    const replays = (await deliveriesOf(db, webhookId)).filter((row) => row.trigger === "replay");
    expect(replays.map((row) => [row.eventId, row.status])).toEqual([
      [events[0].id, "sent"],
      [events[1].id, "sent"],
      [events[2].id, "sent"],
    ]);
  });

  it("keeps another project's deliveries and events out of reach", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    slack.answerNext({ status: 404, body: "no_service" });
    await ingest(db, webhookId, undefined, { now: clock.current });
    await worker(clock).drain();
    const [row] = await deliveriesOf(db, webhookId);
    const stranger = await seedTenant(db);
    await expect(retryDelivery(db, stranger, row.id)).rejects.toThrow(/not found/);
    await expect(replayEvent(db, stranger, row.eventId)).rejects.toThrow(/not found/);
    await expect(replayWindow(db, stranger, webhookId, new Date(0), new Date())).rejects.toThrow(/not found/);
  });
});
