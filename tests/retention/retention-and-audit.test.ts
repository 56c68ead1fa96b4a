import { beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import type { Tenant } from "@/lib/auth/tenant";
import { updateChannel } from "@/lib/channels/update-channel";
import type { Db } from "@/lib/db/client";
import { purgeExpired } from "@/lib/retention/purge-expired";
import { setRetention } from "@/lib/retention/set-retention";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { setWebhookActive, updateWebhookDetails } from "@/lib/webhooks/update-webhook";
import { Clock, ingest, testWorker, webhookWithChannels } from "../delivery/harness";
import { CLERK_SECRET, OTHER_SECRET } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

let db: Db;

beforeAll(async () => {
  db = await openTestDb();
});

const DAY = 86_400_000;

async function eventsAt(tenant: Tenant, daysAgo: number[]) {
  const { webhookId } = await webhookWithChannels(db, tenant, { email: ["keep@example.com"] });
  for (const days of daysAgo) {
    const clock = new Clock(new Date(Date.now() - days * DAY));
    await ingest(db, webhookId, undefined, { now: clock.current });
    await testWorker(db, clock, { slackOrigin: "http://127.0.0.1:9" }).drain(); // Dev mailbox: no SMTP
  }
  return webhookId;
}

describe("retention", () => {
  it("deletes each project's events older than its retention, with their alerts and mailbox copies", async () => {
    const short = await seedTenant(db);
    const long = await seedTenant(db);
    await setRetention(db, long, 90);
    const shortHook = await eventsAt(short, [45, 31, 2]);
    const longHook = await eventsAt(long, [45, 2]);
    const count = async (webhookId: string) => ({
      events: await db.event.count({ where: { webhookId } }),
      deliveries: await db.delivery.count({ where: { webhookId } }),
      attempts: await db.deliveryAttempt.count({ where: { delivery: { webhookId } } }),
    });
    expect(await count(shortHook)).toEqual({ events: 3, deliveries: 3, attempts: 3 });

    const purged = await purgeExpired(db);
    expect(purged.events).toBeGreaterThanOrEqual(2);
    expect(await count(shortHook)).toEqual({ events: 1, deliveries: 1, attempts: 1 });
    expect(await count(longHook)).toEqual({ events: 2, deliveries: 2, attempts: 2 });
    expect(await db.mailboxMessage.count({ where: { projectId: short.projectId } })).toBe(1);
    expect(await db.mailboxMessage.count({ where: { projectId: long.projectId } })).toBe(2);
    expect(await purgeExpired(db)).toEqual({ events: 0, messages: 0 });
  });

  it("accepts 1 to 365 days and refuses anything else clearly", async () => {
    const tenant = await seedTenant(db);
    await expect(setRetention(db, tenant, 0)).rejects.toThrow(/at least 1 day/);
    await expect(setRetention(db, tenant, 400)).rejects.toThrow(/at most 365 days/);
    await expect(setRetention(db, tenant, "seven")).rejects.toThrow(/number of days/);
    expect(await setRetention(db, tenant, "7")).toBe(7);
  });
});

describe("audit log", () => {
  it("records who changed secrets, channels, activation, details, retention and deletion, without secrets", async () => {
    const tenant = await seedTenant(db, "auditor@example.com");
    const { webhookId, slackChannelId } = await webhookWithChannels(db, tenant, {
      email: ["a@example.com"],
      slack: true,
    });
    await saveSigningSecret(db, tenant, webhookId, { provider: "clerk", secret: OTHER_SECRET });
    await setWebhookActive(db, tenant, webhookId, false);
    await setWebhookActive(db, tenant, webhookId, true);
    await updateWebhookDetails(db, tenant, webhookId, { name: "Prod", environment: "production" });
    await updateChannel(db, tenant, webhookId, slackChannelId as string, { isEnabled: false });
    await setRetention(db, tenant, 14);
    await deleteWebhook(db, tenant, webhookId);

    const entries = await listAudit(db, tenant);
    expect(entries.map((entry) => entry.action).reverse()).toEqual([
      "webhook.created",
      "webhook.secret_saved",
      "channel.created",
      "channel.created",
      "webhook.secret_replaced",
      "webhook.deactivated",
      "webhook.activated",
      "webhook.updated",
      "channel.turned_off",
      "project.retention_changed",
      "webhook.deleted",
    ]);
    expect(new Set(entries.map((entry) => entry.actorEmail))).toEqual(new Set(["auditor@example.com"]));
    const text = JSON.stringify(entries);
    expect(text).toContain(`whsec_…${OTHER_SECRET.slice(-4)}`);
    for (const secret of [CLERK_SECRET, OTHER_SECRET]) expect(text).not.toContain(secret.slice(6, 20));
    expect(text).not.toContain("hooks.slack.com");

    const stranger = await seedTenant(db);
    expect(await listAudit(db, stranger)).toEqual([]);
  });
});
