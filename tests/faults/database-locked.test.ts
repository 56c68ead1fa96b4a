import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { Clock, deliveriesOf, testWorker, webhookWithChannels } from "../delivery/harness";
import { type FrontServer, startFrontServer } from "../helpers/front-server";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

// Another connection holds SQLite's write lock past the busy timeout. The server must answer 503 with
// Retry-After and store nothing (no event, no outbox row), and the sender's retry after the lock is
// released must produce exactly one event, its deliveries and one alert per channel.

let db: Db;
const smtp = new SmtpSink();
const slack = new SlackStandIn();
let front: FrontServer;

beforeAll(async () => {
  db = await openTestDb();
  front = await startFrontServer(db);
  await smtp.start();
  await slack.start();
});

afterAll(async () => {
  await front.close();
  await smtp.stop();
  await slack.stop();
});

async function post(webhookId: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${front.url}/api/ingest/${webhookId}`, { method: "POST", body, headers });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), json: await response.json() };
}

// SQLite only: PostgreSQL has no database-wide write lock (postgres-stopped.test.ts covers it being down).
it.skipIf(isPostgresRun)(
  "answers 503 with Retry-After and stores no event or delivery while the database is locked, then accepts the retry once",
  async () => {
    const tenant = await seedTenant(db);
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, {
      email: ["locked@example.com"],
      slack: true,
      eventTypes: ["user.created"],
    });
    const body = clerkEvent("user.created", { last_name: "Locked" });
    const filteredBody = clerkEvent("session.created");
    const eventsBefore = await db.event.count();
    const deliveriesBefore = await db.delivery.count();

    const lock = new Database(sqliteFilePath(getEnv().DATABASE_URL));
    let during: Awaited<ReturnType<typeof post>>[];
    try {
      lock.exec("BEGIN EXCLUSIVE");
      during = [
        await post(webhookId, body, signedHeaders(body, { id: "msg_locked" })),
        await post(webhookId, filteredBody, signedHeaders(filteredBody, { id: "msg_locked_filtered" })),
      ];
    } finally {
      lock.exec("ROLLBACK");
      lock.close();
    }
    for (const answer of during) {
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe("5");
      expect(answer.json).toEqual({ error: { code: "storage_unavailable", message: expect.any(String) } });
    }
    expect(await db.event.count()).toBe(eventsBefore);
    expect(await db.delivery.count()).toBe(deliveriesBefore);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).eventCount).toBe(0);

    // The sender retries both with fresh signatures, then once more (a duplicate).
    expect((await post(webhookId, body, signedHeaders(body, { id: "msg_locked" }))).json).toEqual({ received: true });
    expect(
      (await post(webhookId, filteredBody, signedHeaders(filteredBody, { id: "msg_locked_filtered" }))).json,
    ).toEqual({ received: true });
    expect((await post(webhookId, body, signedHeaders(body, { id: "msg_locked" }))).json).toEqual({
      received: true,
      duplicate: true,
    });

    const accepted = await db.event.findMany({ where: { webhookId, outcome: "accepted" }, orderBy: { id: "asc" } });
    expect(accepted.map((row) => [row.dedupeKey, row.eventType])).toEqual([
      ["msg_locked", "user.created"],
      ["msg_locked_filtered", "session.created"],
    ]);
    const [created, filtered] = accepted;
    // user.created: one pending row per channel; session.created: both channels' filters leave it out.
    expect((await deliveriesOf(db, webhookId)).map((row) => [row.eventId, row.kind, row.status])).toEqual([
      [created.id, "email", "pending"],
      [created.id, "slack", "pending"],
      [filtered.id, "email", "filtered"],
      [filtered.id, "slack", "filtered"],
    ]);

    const clock = new Clock();
    expect(await testWorker(db, clock, { smtpUrl: smtp.url, slackOrigin: slack.origin }).drain()).toBe(2);
    expect(smtp.received.map((mail) => mail.envelopeTo)).toEqual([["locked@example.com"]]);
    expect(smtp.received[0].parsed.subject).toContain("Locked");
    expect(slack.posts.map((post) => post.path)).toEqual([new URL(slackUrl).pathname]);
    expect((await deliveriesOf(db, webhookId)).map((row) => row.status)).toEqual([
      "sent",
      "sent",
      "filtered",
      "filtered",
    ]);
  },
  60_000,
);
