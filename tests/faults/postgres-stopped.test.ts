import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import { createChannel } from "@/lib/channels/create-channel";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { type IngestOutput, ingestRequest } from "@/lib/ingest/ingest-request";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { startTestPostgres, type TestPostgres } from "../helpers/postgres";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";

// PostgreSQL stopped under a running app: ingest answers 503 with Retry-After (the sender retries), never
// 200 without storing; once the database is back, the retried request is stored exactly once.

let pg: TestPostgres;
let db: Db;

beforeAll(async () => {
  pg = await startTestPostgres();
  await migrateDatabase(pg.url);
  db = createDb(pg.url);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect().catch(() => {});
  pg?.destroy();
});

function send(webhookId: string, body: string, id: string): Promise<IngestOutput> {
  return ingestRequest(db, {
    webhookId,
    method: "POST",
    headers: new Headers(signedHeaders(body, { id })),
    body: Readable.from([Buffer.from(body)]),
  });
}

it("answers 503 while PostgreSQL is down and stores the retried event once when it is back", async () => {
  const tenant = await signUp(db, { email: "pg@example.com", password: "correct horse battery staple" });
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  await createChannel(db, tenant, webhook.id, { kind: "email", recipients: "ops@example.com" });
  expect((await send(webhook.id, clerkEvent(), "msg_before")).status).toBe(200);

  pg.stop();
  const body = clerkEvent("user.updated");
  const refused = await send(webhook.id, body, "msg_during");
  expect(refused.status).toBe(503);
  expect(refused.headers?.["Retry-After"]).toBe("5");

  pg.start();
  // The sender retries until it gets a 2xx; the first attempts may still meet closed pool connections.
  let answer = refused;
  for (let attempt = 0; attempt < 20 && answer.status !== 200; attempt++) {
    answer = await send(webhook.id, body, "msg_during");
    if (answer.status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(answer.status).toBe(200);
  expect(await send(webhook.id, body, "msg_during")).toMatchObject({ status: 200, body: { duplicate: true } });

  const events = await db.event.findMany({ where: { webhookId: webhook.id, outcome: "accepted" } });
  expect(events.map((event) => event.svixId).sort()).toEqual(["msg_before", "msg_during"]);
  expect(await db.delivery.count({ where: { webhookId: webhook.id } })).toBe(2);
}, 120_000);
