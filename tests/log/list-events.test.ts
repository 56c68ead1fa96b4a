import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { getEvent } from "@/lib/log/get-event";
import { listEvents } from "@/lib/log/list-events";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { type FrontServer, startFrontServer } from "../helpers/front-server";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

let db: Db;
let tenant: Tenant;
let first: string;
let second: string;
let front: FrontServer;

async function send(webhookId: string, body: string, headers = signedHeaders(body)) {
  const response = await fetch(`${front.url}/api/ingest/${webhookId}`, { method: "POST", body, headers });
  await response.arrayBuffer();
  return response.status;
}

afterAll(() => front?.close());

beforeAll(async () => {
  db = await openTestDb();
  front = await startFrontServer(db);
  tenant = await seedTenant(db);
  first = (await createWebhook(db, tenant, "first")).id;
  second = (await createWebhook(db, tenant, "second")).id;
  for (const id of [first, second])
    await saveSigningSecret(db, tenant, id, { provider: "clerk", secret: CLERK_SECRET });
  // first: 3 user.created, 1 session.created, 1 rejected; second: 2 user.deleted
  for (const type of ["user.created", "user.created", "session.created", "user.created"]) {
    expect(await send(first, clerkEvent(type))).toBe(200);
  }
  expect(
    await send(first, clerkEvent(), { "svix-id": "msg_bad", "svix-timestamp": "1", "svix-signature": "v1,x" }),
  ).toBe(401);
  for (let i = 0; i < 2; i++) expect(await send(second, clerkEvent("user.deleted"))).toBe(200);
});

describe("notification log queries", () => {
  it("lists every request newest first", async () => {
    const { events, nextBefore } = await listEvents(db, tenant, {});
    expect(events).toHaveLength(7);
    expect(nextBefore).toBeNull();
    expect(events.map((event) => event.eventType).slice(0, 3)).toEqual(["user.deleted", "user.deleted", null]);
    const times = events.map((event) => event.receivedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by webhook, event type and outcome, alone and combined", async () => {
    expect((await listEvents(db, tenant, { webhookId: second })).events).toHaveLength(2);
    expect((await listEvents(db, tenant, { type: "user.created" })).events).toHaveLength(3);
    expect((await listEvents(db, tenant, { outcome: "rejected" })).events.map((e) => e.reasonCode)).toEqual([
      "timestamp_too_old",
    ]);
    expect((await listEvents(db, tenant, { webhookId: second, type: "user.created" })).events).toHaveLength(0);
    expect((await listEvents(db, tenant, { webhookId: first, outcome: "accepted" })).events).toHaveLength(4);
  });

  it("pages through the log with no gap and no overlap", async () => {
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await listEvents(db, tenant, { before }, 3);
      seen.push(...page.events.map((event) => event.id));
      before = page.nextBefore ?? undefined;
      pages++;
    } while (before);
    const all = (await listEvents(db, tenant, {})).events.map((event) => event.id);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it("shows a request's payload pretty-printed and its headers", async () => {
    const [latest] = (await listEvents(db, tenant, { webhookId: second })).events;
    const detail = await getEvent(db, tenant, latest.id);
    expect(detail.prettyBody).toContain('\n  "type": "user.deleted"');
    expect(JSON.parse(detail.prettyBody)).toEqual(JSON.parse(detail.body));
    expect(detail.headers["svix-signature"]).toBe("v1,[redacted]");
  });
});
