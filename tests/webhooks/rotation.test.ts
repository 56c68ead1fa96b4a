import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { SECRET_GRACE_MS, saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { setWebhookActive } from "@/lib/webhooks/update-webhook";
import { type FrontServer, startFrontServer } from "../helpers/front-server";
import { webhookSecrets } from "../helpers/secrets";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

const THIRD_SECRET = "whsec_dGhpcmQtc2VjcmV0LWZvci1ob29rYmVsbC10ZXN0cw==";

let db: Db;
let tenant: Tenant;
let front: FrontServer;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  front = await startFrontServer(db);
});

afterAll(() => front.close());

async function sendSignedWith(webhookId: string, secret: string) {
  const body = clerkEvent();
  const response = await fetch(`${front.url}/api/ingest/${webhookId}`, {
    method: "POST",
    body,
    headers: signedHeaders(body, { secret }),
  });
  return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
}

describe("secret rotation", () => {
  it("keeps the first secret through its grace period when a second replacement follows within 24 hours", async () => {
    const webhook = await createWebhook(db, tenant);
    const t0 = new Date();
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET }, t0);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: OTHER_SECRET }, t0);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: THIRD_SECRET }, t0);

    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(webhookSecrets(row)).toEqual({ signingSecret: THIRD_SECRET, previousSigningSecret: CLERK_SECRET });
    expect(row.previousSecretExpiresAt?.getTime()).toBe(t0.getTime() + SECRET_GRACE_MS);
    expect((await sendSignedWith(webhook.id, CLERK_SECRET)).status).toBe(200);
    expect((await sendSignedWith(webhook.id, THIRD_SECRET)).status).toBe(200);
  });

  it("leaves a deactivated webhook inactive when its secret is replaced", async () => {
    const webhook = await createWebhook(db, tenant);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
    await setWebhookActive(db, tenant, webhook.id, false);
    const saved = await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: OTHER_SECRET });
    expect(saved.isActive).toBe(false);
    expect((await sendSignedWith(webhook.id, OTHER_SECRET)).status).toBe(409);
  });

  it("names the secret tried only in the log, never in the public answer", async () => {
    const webhook = await createWebhook(db, tenant);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
    const answer = await sendSignedWith(webhook.id, OTHER_SECRET);
    expect(answer.status).toBe(401);
    expect(answer.body.error?.message).not.toContain(CLERK_SECRET.slice(-4));
    const logged = await db.event.findFirstOrThrow({ where: { webhookId: webhook.id, outcome: "rejected" } });
    expect(logged.reasonMessage).toContain(`…${CLERK_SECRET.slice(-4)}`);
  });
});
