import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { listConditionFields } from "@/lib/channels/list-condition-fields";
import { previewReplay } from "@/lib/channels/preview-replay";
import { updateChannel } from "@/lib/channels/update-channel";
import type { Db } from "@/lib/db/client";
import { replayEvent } from "@/lib/delivery/replay-events";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { ingest } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// What the dashboard asks before a replay (which channels, and why not the others) and the fields the
// condition builder offers, on a real database with events that went through ingest.

let db: Db;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  other = await seedTenant(db);
});

async function clerkWebhook(owner = tenant) {
  const webhook = await createWebhook(db, owner);
  await saveSigningSecret(db, owner, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  return webhook.id;
}

async function channelsOn(webhookId: string) {
  const slackUrl = "https://hooks.slack.com/services/T0PREVIEW1/B0PREVIEW1/previewSecretPart012345";
  return {
    everything: await createChannel(db, tenant, webhookId, { kind: "slack", name: "everything", slackUrl }),
    founders: await createChannel(db, tenant, webhookId, {
      kind: "email",
      name: "Founders",
      recipients: "founders@example.com",
      eventTypes: ["organization.created"],
      conditions: { data: { members_count: { $gt: 10 } } },
    }),
    signups: await createChannel(db, tenant, webhookId, {
      kind: "email",
      name: "Signups",
      recipients: "signups@example.com",
      eventTypes: ["user.created"],
    }),
  };
}

describe("the replay confirmation", () => {
  it("names the channels a replay of one event alerts, and says why not the others, as the replay decides", async () => {
    const webhookId = await clerkWebhook();
    const ids = await channelsOn(webhookId);
    const off = await createChannel(db, tenant, webhookId, {
      kind: "email",
      name: "Paused",
      recipients: "p@example.com",
    });
    await updateChannel(db, tenant, webhookId, off, { isEnabled: false });
    await ingest(db, webhookId, clerkEvent("organization.created", { object: "organization", members_count: 4 }));
    const event = await db.event.findFirstOrThrow({ where: { webhookId } });

    const preview = await previewReplay(db, tenant, { eventId: event.id });
    expect(preview.events).toBe(1);
    expect(preview.alerted.map((channel) => [channel.id, channel.name, channel.kindLabel])).toEqual([
      [ids.everything, "#everything", "Slack"],
    ]);
    const reasons = Object.fromEntries(preview.notAlerted.map((channel) => [channel.id, channel.reason]));
    expect(reasons).toEqual({
      [ids.founders]: "condition failed — data.members_count is 4, not greater than 10.",
      [ids.signups]: "organization.created is not in this channel's event types.",
      [off]: "This channel is turned off.",
    });
    // What the dialog promises is what the replay queues.
    expect((await replayEvent(db, tenant, event.id)).deliveries).toBe(preview.alerted.length);
  });

  it("counts, per channel, the events of a window it would alert on", async () => {
    const webhookId = await clerkWebhook();
    const ids = await channelsOn(webhookId);
    for (const members of [42, 4, 12]) {
      await ingest(
        db,
        webhookId,
        clerkEvent("organization.created", { object: "organization", members_count: members }),
      );
    }
    await ingest(db, webhookId, clerkEvent("user.created"));
    const preview = await previewReplay(db, tenant, {
      webhookId,
      from: new Date(Date.now() - 60_000),
      to: new Date(Date.now() + 60_000),
    });
    expect(preview.events).toBe(4);
    const alerts = Object.fromEntries(preview.alerted.map((channel) => [channel.id, channel.alerts]));
    expect(alerts).toEqual({ [ids.everything]: 4, [ids.founders]: 2, [ids.signups]: 1 });
    expect(preview.notAlerted).toEqual([]);
  });

  it("treats another project's event and webhook as not found", async () => {
    const webhookId = await clerkWebhook();
    await ingest(db, webhookId, clerkEvent("user.created"));
    const event = await db.event.findFirstOrThrow({ where: { webhookId } });
    await expect(previewReplay(db, other, { eventId: event.id })).rejects.toThrow(/not found/i);
    const window = { webhookId, from: new Date(0), to: new Date(Date.now() + 60_000) };
    await expect(previewReplay(db, other, window)).rejects.toThrow(/not found/i);
  });
});

describe("the condition builder's fields", () => {
  it("offers the sample payload's fields with their types and sample values", async () => {
    const webhookId = await clerkWebhook();
    const { source, fields } = await listConditionFields(db, tenant, webhookId, {
      eventType: "organization.created",
      source: "sample",
    });
    expect(source).toBe("Fields of the sample organization.created payload");
    expect(fields).toContainEqual({ path: "data.members_count", sample: expect.any(String), type: "number" });
    expect(fields).toContainEqual({ path: "type", sample: "organization.created", type: "string" });
  });

  it("offers the fields of the webhook's latest event of that type, which the sample may not have", async () => {
    const webhookId = await clerkWebhook();
    await ingest(db, webhookId, clerkEvent("user.created", { public_metadata: { plan: "pro", seats: 25 } }));
    const { source, fields } = await listConditionFields(db, tenant, webhookId, {
      eventType: "user.created",
      source: "latest",
    });
    expect(source).toMatch(/^Fields of the latest user\.created event, received /);
    expect(fields).toContainEqual({ path: "data.public_metadata.plan", sample: "pro", type: "string" });
    expect(fields).toContainEqual({ path: "data.public_metadata.seats", sample: "25", type: "number" });
  });

  it("never reads another project's events: their webhook is not found", async () => {
    const theirs = await clerkWebhook(other);
    await ingest(db, theirs, clerkEvent("user.created", { public_metadata: { secret_plan: "x" } }));
    await expect(
      listConditionFields(db, tenant, theirs, { eventType: "user.created", source: "latest" }),
    ).rejects.toThrow(/not found/i);
  });
});
