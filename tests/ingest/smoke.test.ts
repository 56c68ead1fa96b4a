import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/ingest/[webhookId]/route";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

describe("smoke", () => {
  it("accepts a signed event", async () => {
    const db = await openTestDb();
    const tenant = await seedTenant(db);
    const wh = await createWebhook(db, tenant);
    await saveSigningSecret(db, tenant, wh.id, { provider: "clerk", secret: CLERK_SECRET });
    const body = clerkEvent();
    const res = await POST(new Request(`http://x/api/ingest/${wh.id}`, { method: "POST", body, headers: signedHeaders(body) }), {
      params: Promise.resolve({ webhookId: wh.id }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true });
    expect(await db.event.count({ where: { webhookId: wh.id, outcome: "accepted" } })).toBe(1);
  });
});
