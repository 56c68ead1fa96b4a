import { Readable } from "node:stream";
import { beforeAll, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { ingestRequest } from "@/lib/ingest/ingest-request";
import { webhookWithChannels } from "../delivery/harness";
import { signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Request values the databases could refuse must never make a request unstorable (a sender retrying a 503
// forever). PostgreSQL refuses U+0000 in text: on both databases the request is answered and logged, the
// NUL shown as U+FFFD. The message id is an indexed key: an absurdly long one is refused with a 400.

let db: Db;
let tenant: Tenant;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
});

function send(webhookId: string, body: Buffer, headers: Record<string, string>) {
  return ingestRequest(db, {
    webhookId,
    method: "POST",
    headers: new Headers(headers),
    body: Readable.from([body]),
  });
}

it("accepts a signed event whose type holds an escaped NUL, storing the type with U+FFFD", async () => {
  const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
  const body = JSON.stringify({ type: "user.\u0000created", object: "event", data: { id: "user_nul" } });
  const answer = await send(webhookId, Buffer.from(body), signedHeaders(body, { id: "msg_nul_type" }));
  expect(answer).toEqual({ status: 200, body: { received: true } });
  const event = await db.event.findFirstOrThrow({ where: { webhookId, outcome: "accepted" } });
  expect(event.eventType).toBe("user.\uFFFDcreated");
  // The raw body keeps the JSON escape as sent: it still verifies against the signature.
  expect(event.body).toBe(body);
});

it("logs a rejected request whose body holds raw NUL bytes, with U+FFFD in the stored head", async () => {
  const { webhookId } = await webhookWithChannels(db, tenant, {});
  const body = Buffer.from("not json \u0000 at all \u0000", "utf8");
  const answer = await send(webhookId, body, signedHeaders("something else", { id: "msg_nul_body" }));
  expect(answer.status).toBe(401);
  const logged = await db.event.findFirstOrThrow({ where: { webhookId, outcome: "rejected" } });
  expect(logged.reasonCode).toBe("invalid_signature");
  expect(logged.body).toBe("not json \uFFFD at all \uFFFD");
});

it("refuses a correctly signed request whose svix-id is over 255 characters with 400 invalid_message_id", async () => {
  const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
  const body = JSON.stringify({ type: "user.created", object: "event", data: { id: "user_long_id" } });
  const id = `msg_${"x".repeat(252)}`;
  const answer = await send(webhookId, Buffer.from(body), signedHeaders(body, { id }));
  expect(answer).toEqual({ status: 400, body: { error: { code: "invalid_message_id", message: expect.any(String) } } });
  expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(0);
  // 255 characters is still an id.
  const fits = `msg_${"y".repeat(251)}`;
  expect((await send(webhookId, Buffer.from(body), signedHeaders(body, { id: fits }))).status).toBe(200);
});
