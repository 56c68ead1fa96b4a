import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { previewReplay } from "@/lib/channels/preview-replay";
import type { Db } from "@/lib/db/client";
import { replayEvent } from "@/lib/delivery/replay-events";
import { listDeliveries } from "@/lib/log/list-deliveries";
import { listEvents } from "@/lib/log/list-events";
import { parseNotAlerted } from "@/lib/log/not-alerted";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { ingest } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// A channel that does not alert on an event is an entry on the event row (Event.notAlerted), written by
// the ingest store in the event's own INSERT. The log, the event page, the status filter and replay read it;
// every planner takes the channels in createdAt, id order.

let db: Db;
let tenant: Tenant;
let webhookId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  webhookId = (await createWebhook(db, tenant, "routing")).id;
  await saveSigningSecret(db, tenant, webhookId, { provider: "clerk", secret: CLERK_SECRET });
  const slackUrl = "https://hooks.slack.com/services/T0AAAAAAAA/B0AAAAAAAA/aaaaaaaaaaaaaaaaaaaaaaaa";
  // Made in this order, then #security is dated first: planning must follow createdAt, not the insertion
  // order (SQLite's rowid) or the kind (email before slack).
  ids.orgs = await createChannel(db, tenant, webhookId, {
    kind: "slack",
    name: "orgs",
    slackUrl,
    eventTypes: ["organization.created"],
  });
  ids.founders = await createChannel(db, tenant, webhookId, {
    kind: "email",
    name: "Founders",
    recipients: "founders@example.com",
    conditions: { data: { members_count: { $gt: 10 } } },
  });
  ids.security = await createChannel(db, tenant, webhookId, {
    kind: "slack",
    name: "security",
    slackUrl,
    eventTypes: ["session.revoked"],
  });
  ids.everything = await createChannel(db, tenant, webhookId, { kind: "email", recipients: "ops@example.com" });
  await db.channel.update({ where: { id: ids.security }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
});

async function eventOf(svixId: string) {
  return db.event.findFirstOrThrow({ where: { webhookId, dedupeKey: svixId } });
}

describe("channels that did not alert", () => {
  it("stores each silent channel with its reason on the event, in channel order, beside the alerts", async () => {
    expect((await ingest(db, webhookId, clerkEvent("user.created"), { id: "msg_quiet" })).status).toBe(200);
    const event = await eventOf("msg_quiet");
    expect(parseNotAlerted(event.notAlerted).map((entry) => [entry.channelId, entry.trigger, entry.reason])).toEqual([
      [ids.security, "event", "Not alerted: user.created is not in this channel's event types."],
      [ids.orgs, "event", "Not alerted: user.created is not in this channel's event types."],
      [ids.founders, "event", expect.stringMatching(/^Not alerted: condition failed — .*members_count/)],
    ]);
    // Only the channel that alerts has an outbox row.
    expect(await db.delivery.findMany({ where: { eventId: event.id }, select: { channelId: true } })).toEqual([
      { channelId: ids.everything },
    ]);
    // The event page and the API read one list, in planning order.
    const listed = await listDeliveries(db, tenant, event.id);
    expect(listed.map((delivery) => [delivery.channel.name, delivery.status])).toEqual([
      ["security", "filtered"],
      ["orgs", "filtered"],
      ["Founders", "filtered"],
      ["Email", "pending"],
    ]);
    expect(listed[0].statusReason).toBe("Not alerted: user.created is not in this channel's event types.");
  });

  it("finds the events a channel did not alert on under the log's 'filtered' status", async () => {
    const big = clerkEvent("organization.created", { members_count: 40 });
    expect((await ingest(db, webhookId, big, { id: "msg_all_alert_but_security" })).status).toBe(200);
    const { events } = await listEvents(db, tenant, { webhookId, alerts: "filtered" });
    expect(events.map((event) => event.svixId).sort()).toEqual(["msg_all_alert_but_security", "msg_quiet"]);
    const quiet = events.find((event) => event.svixId === "msg_quiet");
    expect(quiet?.deliveries).toEqual([
      { kind: "slack", status: "filtered" },
      { kind: "slack", status: "filtered" },
      { kind: "email", status: "filtered" },
      { kind: "email", status: "pending" },
    ]);
    // An event every channel alerted on is not among them.
    await db.channel.update({ where: { id: ids.security }, data: { isEnabled: false } });
    expect((await ingest(db, webhookId, big, { id: "msg_everyone" })).status).toBe(200);
    await db.channel.update({ where: { id: ids.security }, data: { isEnabled: true } });
    expect((await eventOf("msg_everyone")).notAlerted).toBeNull();
    const pending = await listEvents(db, tenant, { webhookId, alerts: "pending" });
    expect(pending.events.map((event) => event.svixId)).toContain("msg_everyone");
    expect((await listEvents(db, tenant, { webhookId, alerts: "filtered" })).events).toHaveLength(2);
  });

  it("adds a replay's silent channels to the event's, named in the same order as its preview", async () => {
    const event = await eventOf("msg_quiet");
    const preview = await previewReplay(db, tenant, { eventId: event.id });
    expect(preview.notAlerted.map((channel) => channel.id)).toEqual([ids.security, ids.orgs, ids.founders]);
    expect(await replayEvent(db, tenant, event.id)).toEqual({ events: 1, deliveries: 1 });
    const entries = parseNotAlerted((await eventOf("msg_quiet")).notAlerted);
    expect(entries.map((entry) => [entry.channelId, entry.trigger])).toEqual([
      [ids.security, "event"],
      [ids.orgs, "event"],
      [ids.founders, "event"],
      [ids.security, "replay"],
      [ids.orgs, "replay"],
      [ids.founders, "replay"],
    ]);
    const listed = await listDeliveries(db, tenant, event.id);
    expect(listed.map((delivery) => [delivery.channel.name, delivery.trigger, delivery.status])).toEqual([
      ["security", "event", "filtered"],
      ["orgs", "event", "filtered"],
      ["Founders", "event", "filtered"],
      ["Email", "event", "pending"],
      ["security", "replay", "filtered"],
      ["orgs", "replay", "filtered"],
      ["Founders", "replay", "filtered"],
      ["Email", "replay", "pending"],
    ]);
  });
});
