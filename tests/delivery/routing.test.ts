import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/list-channels";
import { updateChannel } from "@/lib/channels/update-channel";
import { wouldAlert } from "@/lib/channels/would-alert";
import type { Db } from "@/lib/db/client";
import { replayEvent } from "@/lib/delivery/replay-events";
import { randomBase62 } from "@/lib/ids";
import { presetForEvent } from "@/lib/templates/presets";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { openTestDb, seedTenant } from "../helpers/test-db";
import { Clock, deliveriesOf, ingest, testWorker } from "./harness";

// Many channels on one webhook, each with its own event types, conditions and templates, on a real SMTP
// server and the Slack stand-in: every channel hears exactly what it asked for, and the log says why not.

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

afterEach(async () => {
  await db.delivery.deleteMany({});
});

afterAll(async () => {
  await smtp.stop();
  await slack.stop();
});

async function clerkWebhook() {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  return webhook.id;
}

const newSlackUrl = () =>
  `https://hooks.slack.com/services/T0${randomBase62(8)}/B0${randomBase62(8)}/${randomBase62(24)}`;
const subjectsTo = (address: string) =>
  smtp.received.filter((mail) => mail.envelopeTo.includes(address)).map((mail) => mail.parsed.subject);
const textsTo = (slackUrl: string) =>
  slack.posts.filter((post) => post.path === new URL(slackUrl).pathname).map((post) => post.body.text ?? "");

describe("the Automatic template and one edit", () => {
  it("saves an edit of the user.created alert for user.created only; other types keep their presets", async () => {
    const clock = new Clock();
    const webhookId = await clerkWebhook();
    const channelId = await createChannel(db, tenant, webhookId, { kind: "email", recipients: "bell@example.com" });
    // The dialog opened on "Automatic", showing user.created's preset; the user added "🔔 " to the subject.
    const shown = presetForEvent("email", "user.created").template;
    await updateChannel(db, tenant, webhookId, channelId, {
      templates: [{ eventType: "user.created", presetId: null, template: { ...shown, title: `🔔 ${shown.title}` } }],
    });

    const events = [
      clerkEvent("session.created", {
        object: "session",
        user_id: "user_1",
        user: { first_name: "Grace", last_name: "Hopper" },
      }),
      clerkEvent("organization.created", { object: "organization", name: "Acme" }),
      clerkEvent("user.deleted", { deleted: true }),
      clerkEvent("user.created"),
    ];
    for (const body of events) expect((await ingest(db, webhookId, body, { now: clock.current })).status).toBe(200);
    expect(await testWorker(db, clock, { smtpUrl: smtp.url, slackOrigin: slack.origin }).drain()).toBe(4);

    const subjects = subjectsTo("bell@example.com");
    expect(subjects).toHaveLength(4);
    expect(subjects).toContain("New sign-in: Grace Hopper");
    expect(subjects).toContain("New organization: Acme");
    expect(subjects).toContain("User deleted: user_29w83sxmDNGwOuEthce5gg56FcC");
    expect(subjects).toContain("🔔 New signup: Ada Lovelace");
    expect(subjects.filter((subject) => subject?.includes("New signup"))).toHaveLength(1);

    const [channel] = await listChannels(db, tenant, webhookId);
    expect(channel.templates.map((row) => row.eventType)).toEqual(["user.created"]);
    // Reset to preset: the override goes, and user.created is back on its preset.
    await updateChannel(db, tenant, webhookId, channelId, { resetTemplates: ["user.created"] });
    expect((await listChannels(db, tenant, webhookId))[0].templates).toEqual([]);
  });
});

describe("routing to many channels", () => {
  it("sends each of five channels exactly the events its event types and conditions select, and logs why not", async () => {
    const clock = new Clock();
    const webhookId = await clerkWebhook();
    const urls = { signups: newSlackUrl(), security: newSlackUrl(), orgs: newSlackUrl() };
    const ids = {
      signups: await createChannel(db, tenant, webhookId, {
        kind: "slack",
        name: "signups",
        slackUrl: urls.signups,
        eventTypes: ["user.created"],
        conditions: { data: { last_name: { $neq: "Bot" } } },
      }),
      security: await createChannel(db, tenant, webhookId, {
        kind: "slack",
        name: "security",
        slackUrl: urls.security,
        eventTypes: ["session.revoked", "session.removed"],
        conditions: { data: { status: "revoked" } },
      }),
      orgs: await createChannel(db, tenant, webhookId, {
        kind: "slack",
        name: "orgs",
        slackUrl: urls.orgs,
        conditions: { type: { $startsWith: "organization." } },
      }),
      founders: await createChannel(db, tenant, webhookId, {
        kind: "email",
        name: "Founders",
        recipients: "founders@example.com",
        eventTypes: ["organization.created"],
        conditions: { data: { members_count: { $gt: 10 } } },
      }),
      deletions: await createChannel(db, tenant, webhookId, {
        kind: "email",
        name: "Deletions",
        recipients: "privacy@example.com",
        eventTypes: ["user.deleted"],
        conditions: { data: { deleted: true } },
      }),
    };

    const bodies = [
      clerkEvent("user.created"),
      clerkEvent("user.created", { first_name: "Test", last_name: "Bot" }),
      clerkEvent("session.revoked", { object: "session", status: "revoked", user_id: "user_1" }),
      clerkEvent("session.created", { object: "session", status: "active", user_id: "user_1" }),
      clerkEvent("organization.created", { object: "organization", name: "Big Co", members_count: 42 }),
      clerkEvent("organization.created", { object: "organization", name: "Tiny Co", members_count: 4 }),
      clerkEvent("user.deleted", { deleted: true }),
    ];
    for (const [index, body] of bodies.entries()) {
      expect((await ingest(db, webhookId, body, { id: `msg_route_${index}`, now: clock.current })).status).toBe(200);
    }
    const work = testWorker(db, clock, { smtpUrl: smtp.url, slackOrigin: slack.origin });
    await work.drain();
    // Two messages to #orgs: the second waits for its pacing slot, a second later.
    clock.advance(1500);
    await work.drain();

    expect(textsTo(urls.signups)).toEqual([expect.stringContaining("Ada Lovelace")]);
    expect(textsTo(urls.security)).toEqual([expect.stringContaining("session.revoked")]);
    // Both, in either order: the worker claims due alerts without promising an order between them.
    expect(textsTo(urls.orgs)).toHaveLength(2);
    expect(textsTo(urls.orgs)).toEqual(
      expect.arrayContaining([expect.stringContaining("Big Co"), expect.stringContaining("Tiny Co")]),
    );
    expect(subjectsTo("founders@example.com")).toEqual(["New organization: Big Co"]);
    expect(subjectsTo("privacy@example.com")).toEqual(["User deleted: user_29w83sxmDNGwOuEthce5gg56FcC"]);

    // The log: every channel has a row for every event; those it left out say why, per channel.
    const rows = await deliveriesOf(db, webhookId);
    expect(rows).toHaveLength(bodies.length * 5);
    const events = await db.event.findMany({ where: { webhookId }, orderBy: { id: "asc" } });
    const reason = (channelId: string, eventIndex: number) =>
      rows.find((row) => row.channelId === channelId && row.eventId === events[eventIndex].id)?.statusReason;
    expect(reason(ids.signups, 1)).toMatch(/^Not alerted: condition failed — .*last_name/);
    expect(reason(ids.signups, 3)).toBe("Not alerted: session.created is not in this channel's event types.");
    expect(reason(ids.orgs, 0)).toMatch(/^Not alerted: condition failed — .*type/);
    expect(reason(ids.founders, 5)).toBe(
      "Not alerted: condition failed — data.members_count is 4, not greater than 10.",
    );
    expect(reason(ids.founders, 4)).toBeNull();
    expect(reason(ids.security, 3)).toBe("Not alerted: session.created is not in this channel's event types.");
    expect(rows.filter((row) => row.status === "filtered")).toHaveLength(bodies.length * 5 - 6);
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(6);

    // A replay is planned the same way: the small organization still reaches #orgs only.
    const replayed = await replayEvent(db, tenant, events[5].id, clock.current);
    expect(replayed).toEqual({ events: 1, deliveries: 1 });
    const replays = (await deliveriesOf(db, webhookId)).filter((row) => row.trigger === "replay");
    expect(replays.find((row) => row.channelId === ids.orgs)?.status).toBe("pending");
    expect(replays.find((row) => row.channelId === ids.founders)?.statusReason).toBe(
      "Not alerted: condition failed — data.members_count is 4, not greater than 10.",
    );
  });

  it("answers “would this have alerted?” for a draft the way ingest planned it", async () => {
    const received = new Date("2026-11-02T10:00:00Z");
    const events = [
      {
        id: "evt_a",
        eventType: "organization.created",
        receivedAt: received,
        body: clerkEvent("organization.created", { members_count: 42 }),
      },
      {
        id: "evt_b",
        eventType: "organization.created",
        receivedAt: received,
        body: clerkEvent("organization.created", { members_count: 4 }),
      },
      { id: "evt_c", eventType: "user.created", receivedAt: received, body: clerkEvent("user.created") },
    ];
    const answers = wouldAlert(
      { eventTypes: ["organization.created"], conditions: { data: { members_count: { $gt: 10 } } } },
      events,
    );
    expect(answers.map((answer) => answer.alerted)).toEqual([true, false, false]);
    expect(answers[1].reason).toMatch(/condition failed — .*members_count/);
    expect(answers[2].reason).toBe("Not alerted: user.created is not in this channel's event types.");
  });
});
