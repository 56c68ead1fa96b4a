import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { resetLimitersForTests } from "@/lib/rate-limit/limits";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { type FrontServer, startFrontServer } from "../helpers/front-server";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

let db: Db;
let front: FrontServer;

beforeAll(async () => {
  process.env.HOOKBELL_INGEST_RATE_PER_WEBHOOK = "1"; // a burst of 5, then one a second
  process.env.HOOKBELL_INGEST_RATE_PER_IP = "100";
  resetEnvForTests();
  resetLimitersForTests();
  db = await openTestDb();
  // One trusted proxy: the requests below come from the addresses their X-Forwarded-For names.
  front = await startFrontServer(db, { trustedProxies: 1 });
});

afterAll(async () => {
  await front.close();
  delete process.env.HOOKBELL_INGEST_RATE_PER_WEBHOOK;
  delete process.env.HOOKBELL_INGEST_RATE_PER_IP;
  resetEnvForTests();
  resetLimitersForTests();
});

async function post(webhookId: string, ip: string) {
  const body = clerkEvent();
  return fetch(`${front.url}/api/ingest/${webhookId}`, {
    method: "POST",
    body,
    headers: { ...signedHeaders(body), "x-forwarded-for": ip },
  });
}

describe("ingest rate limits", () => {
  it("answers 429 with Retry-After past a webhook's limit, stores nothing for refused requests, and logs them once", async () => {
    const tenant = await seedTenant(db);
    const webhook = await createWebhook(db, tenant);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
    const answers = [];
    for (let i = 0; i < 25; i++) answers.push(await post(webhook.id, "203.0.113.7"));
    const statuses = answers.map((answer) => answer.status);
    const accepted = statuses.filter((status) => status === 200).length;
    // The burst, plus whatever the bucket regained while the 25 requests ran (about one a second).
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(8);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25 - accepted);
    const refused = answers.find((answer) => answer.status === 429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await refused?.json()).toMatchObject({ error: { code: "rate_limited" } });

    expect(await db.event.count({ where: { webhookId: webhook.id, outcome: "accepted" } })).toBe(accepted);
    const notes = await db.event.findMany({ where: { webhookId: webhook.id, reasonCode: "rate_limited" } });
    expect(notes).toHaveLength(1);
    expect(notes[0].httpStatus).toBe(429);

    // Another webhook has its own budget.
    const other = await createWebhook(db, tenant);
    await saveSigningSecret(db, tenant, other.id, { provider: "clerk", secret: CLERK_SECRET });
    expect((await post(other.id, "203.0.113.8")).status).toBe(200);
  });
});
