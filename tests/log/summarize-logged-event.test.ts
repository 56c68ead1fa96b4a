import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { getEvent } from "@/lib/log/get-event";
import { summarizeLoggedEvent } from "@/lib/log/summarize-logged-event";
import { stopRenderPool } from "@/lib/templates/render-in-pool";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { ingest } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The line the event page opens with, from an event as ingest stored it, rendered on the real render pool.

let db: Db;
let tenant: Tenant;
let webhookId: string;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  webhookId = (await createWebhook(db, tenant, "clerk")).id;
  await saveSigningSecret(db, tenant, webhookId, { provider: "clerk", secret: CLERK_SECRET });
});

afterAll(() => stopRenderPool());

async function summaryOf(body: string): Promise<string | null> {
  expect((await ingest(db, webhookId, body)).status).toBe(200);
  const [row] = await db.event.findMany({ where: { webhookId }, orderBy: { id: "desc" }, take: 1 });
  const event = await getEvent(db, tenant, row.id);
  return summarizeLoggedEvent(tenant.projectId, {
    eventId: event.id,
    eventType: event.eventType,
    receivedAt: event.receivedAt,
    body: event.body,
    webhook: event.webhook,
  });
}

describe("the logged event's alert in one line", () => {
  it("names the new user from the stored payload", async () => {
    const body = clerkEvent("user.created", {
      email_addresses: [{ id: "idn_1", email_address: "ada@example.com" }],
      primary_email_address_id: "idn_1",
    });
    expect(await summaryOf(body)).toBe("New signup: Ada Lovelace (ada@example.com)");
  });

  it("uses the generic line for a type without a preset of its own", async () => {
    expect(await summaryOf(clerkEvent("user.updated"))).toBe(
      "Event user.updated for user user_29w83sxmDNGwOuEthce5gg56FcC",
    );
  });
});
