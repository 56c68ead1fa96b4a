import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { retryDelivery } from "@/lib/delivery/retry-delivery";
import { getUsage } from "@/lib/delivery/usage-quota";
import { clerkEvent } from "../helpers/signing";
import { SlackStandIn, slackError } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { openTestDb, seedTenant } from "../helpers/test-db";
import { Clock, deliveriesOf, ingest, testWorker, webhookWithChannels } from "./harness";

// The delivery pipeline's stages as the worker runs them, on a real SQLite file, the Slack stand-in and a
// real SMTP server: what each stage decides when the channel's config, Slack's answer or the kind is wrong.

let db: Db;
let tenant: Tenant;
const smtp = new SmtpSink();
const slack = new SlackStandIn();

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  await smtp.start();
  await slack.start();
});

afterAll(async () => {
  await smtp.stop();
  await slack.stop();
});

const worker = (clock: Clock) => testWorker(db, clock, { smtpUrl: smtp.url, slackOrigin: slack.origin });
const postsTo = (slackUrl: string) => slack.posts.filter((post) => post.path === new URL(slackUrl).pathname);
const slackUsed = async (clock: Clock) =>
  (await getUsage(db, tenant.projectId, clock.current)).find((usage) => usage.kind === "slack")?.used ?? 0;

describe("the send stage", () => {
  it("fails a message Slack refuses as invalid_blocks for good, gives its quota back, and sends the next one", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    const used = await slackUsed(clock);
    slack.answerNext(slackError("invalid_blocks"));
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    await worker(clock).drain();
    let [refused] = await deliveriesOf(db, webhookId);
    expect(refused.status).toBe("failed");
    expect(refused.statusReason).toBe(
      "Slack answered 400 invalid_blocks: Slack refused the message; check the template.",
    );
    expect(refused.attempts.map((attempt) => [attempt.outcome, attempt.statusCode])).toEqual([["failed", 400]]);
    expect(await slackUsed(clock)).toBe(used);

    // The URL is fine: the channel's next alert goes through (after the URL's one-second pace).
    clock.advance(1000);
    await ingest(db, webhookId, clerkEvent("user.updated"), { now: clock.current });
    await worker(clock).drain();
    const rows = await deliveriesOf(db, webhookId);
    [refused] = rows;
    expect(rows.map((row) => row.status)).toEqual(["failed", "sent"]);
    expect(refused.attempts).toHaveLength(1);
    expect(postsTo(slackUrl)).toHaveLength(2);
    expect(await slackUsed(clock)).toBe(used + 1);
  });

  it("fails a webhook Slack no longer knows (404 channel_not_found) at once, never retrying it", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    slack.answerNext(slackError("channel_not_found"));
    await ingest(db, webhookId, undefined, { now: clock.current });
    const work = worker(clock);
    await work.drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(row.statusReason).toContain("channel_not_found: the Slack channel was deleted");
    clock.advance(48 * 3_600_000);
    expect(await work.drain()).toBe(0);
    expect(postsTo(slackUrl)).toHaveLength(1);
  });
});

describe("the render stage", () => {
  it("fails an alert whose channel has lost its Slack URL before rendering or posting, saying what to fix", async () => {
    const clock = new Clock();
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
    const used = await slackUsed(clock);
    await db.channel.updateMany({ where: { webhookId, kind: "slack" }, data: { slackUrl: null } });
    await ingest(db, webhookId, undefined, { now: clock.current });
    await worker(clock).drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toBe(
      "The channel cannot send: no Slack URL is saved; save one in the channel's settings.",
    );
    expect(postsTo(slackUrl)).toHaveLength(0);
    // Nothing was rendered or sent: the quota unit goes back.
    expect(await slackUsed(clock)).toBe(used);
  });
});

describe("the registry of kinds", () => {
  it("fails a delivery of a kind this version cannot send, and Retry now sends it once the kind is known", async () => {
    const clock = new Clock();
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["kinds@example.com"] });
    await ingest(db, webhookId, undefined, { now: clock.current });
    // As a newer Hookbell sharing the database would write it.
    await db.delivery.updateMany({ where: { webhookId }, data: { kind: "carrier-pigeon" } });
    await worker(clock).drain();
    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.statusReason).toBe(
      "This version of Hookbell cannot send carrier-pigeon alerts; upgrade every worker, then retry.",
    );
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes("kinds@example.com"))).toHaveLength(0);

    await db.delivery.updateMany({ where: { webhookId }, data: { kind: "email" } });
    await retryDelivery(db, tenant, row.id, clock.current);
    await worker(clock).drain();
    [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["failed", "sent"]);
    expect(smtp.received.filter((mail) => mail.envelopeTo.includes("kinds@example.com"))).toHaveLength(1);
  });
});
