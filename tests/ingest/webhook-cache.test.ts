import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { webhookSecretField } from "@/lib/crypto/sealed-fields";
import { seal } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { ingestRequest } from "@/lib/ingest/ingest-request";
import { WEBHOOK_CACHE_MS } from "@/lib/ingest/webhook-cache";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { setWebhookActive } from "@/lib/webhooks/update-webhook";
import { webhookWithChannels } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Ingest reuses a webhook's lookup for up to a second. A reused row may only ever let a request through:
// whatever it would refuse is judged again on a fresh read, changes made through lib/webhooks apply to the
// very next request, and changes written by another process apply within the second.

let db: Db;
let tenant: Tenant;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
});

function send(webhookId: string, options: { id: string; secret?: string; now?: Date }) {
  const body = clerkEvent("user.created");
  return ingestRequest(db, {
    webhookId,
    method: "POST",
    headers: new Headers(signedHeaders(body, { id: options.id, secret: options.secret ?? CLERK_SECRET })),
    body: Readable.from([Buffer.from(body)]),
    now: options.now,
  });
}

describe("the ingest webhook cache", () => {
  it("verifies with a secret another process saved a moment after the webhook was looked up", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    expect((await send(webhookId, { id: "msg_cache_1" })).status).toBe(200);
    // Written straight to the database, as another app process would: nothing here hears of it.
    await db.webhook.update({
      where: { id: webhookId },
      data: { signingSecret: seal(OTHER_SECRET, webhookSecretField(webhookId, "signingSecret")) },
    });
    expect(await send(webhookId, { id: "msg_cache_2", secret: OTHER_SECRET })).toEqual({
      status: 200,
      body: { received: true },
    });
    const events = await db.event.findMany({ where: { webhookId }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.outcome, event.svixId])).toEqual([
      ["accepted", "msg_cache_1"],
      ["accepted", "msg_cache_2"],
    ]);
  });

  it("accepts again a webhook another process reactivated, on the next request", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    await setWebhookActive(db, tenant, webhookId, false);
    expect((await send(webhookId, { id: "msg_reactivated_1" })).status).toBe(409);
    await db.webhook.update({ where: { id: webhookId }, data: { isActive: true } });
    expect((await send(webhookId, { id: "msg_reactivated_2" })).status).toBe(200);
  });

  it("refuses the next request after the webhook is deactivated or deleted here", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    expect((await send(webhookId, { id: "msg_off_1" })).status).toBe(200);
    await setWebhookActive(db, tenant, webhookId, false);
    expect((await send(webhookId, { id: "msg_off_2" })).body).toMatchObject({ error: { code: "webhook_inactive" } });

    const other = await webhookWithChannels(db, tenant, { slack: true });
    expect((await send(other.webhookId, { id: "msg_gone_1" })).status).toBe(200);
    await deleteWebhook(db, tenant, other.webhookId);
    expect((await send(other.webhookId, { id: "msg_gone_2" })).body).toMatchObject({
      error: { code: "webhook_not_found" },
    });
  });

  it("refuses requests once a deactivation written by another process is a second old", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const lookedUpAt = new Date();
    expect((await send(webhookId, { id: "msg_stale_1", now: lookedUpAt })).status).toBe(200);
    await db.webhook.update({ where: { id: webhookId }, data: { isActive: false } });
    const later = new Date(lookedUpAt.getTime() + WEBHOOK_CACHE_MS);
    expect((await send(webhookId, { id: "msg_stale_2", now: later })).body).toMatchObject({
      error: { code: "webhook_inactive" },
    });
    expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(1);
  });
});
