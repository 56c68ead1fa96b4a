import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { ingestStoreFor } from "@/lib/ingest/ingest-store";
import { ingestWebhookId, serveIngest } from "@/lib/ingest/serve-ingest";
import { SqliteBatchWriter } from "@/lib/ingest/sqlite-batch-writer";
import type { SqliteIngestStore } from "@/lib/ingest/sqlite-ingest-store";
import { webhookWithChannels } from "../delivery/harness";
import { acceptedEvent } from "../helpers/accepted-event";
import { until } from "../helpers/load";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

// The SQLite ingest path served the way server.ts serves it (node:http, no Next): concurrent requests are
// written in shared transactions, and no request is answered before its event has committed.

let db: Db;
let tenant: Tenant;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  server = createServer((req, res) => {
    const webhookId = ingestWebhookId(req.url);
    if (webhookId === undefined) return void res.writeHead(404).end();
    void serveIngest(db, req, res, webhookId, req.socket.remoteAddress);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function post(webhookId: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${baseUrl}/api/ingest/${webhookId}`, { method: "POST", body, headers });
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

describe.skipIf(isPostgresRun)("group commit on SQLite", () => {
  it("answers each of 300 concurrent requests only once its event and outbox rows are committed", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["burst@example.com"], slack: true });
    const store = ingestStoreFor(db) as SqliteIngestStore;
    const commitsBefore = store.stats.commits;
    // Another connection holds the database's write lock (as a delivery worker's transaction or another
    // process would) while the requests arrive: they queue, and commit together once it is free.
    const blocker = new Database(sqliteFilePath(getEnv().DATABASE_URL));
    blocker.exec("BEGIN IMMEDIATE");
    const release = () => {
      if (blocker.inTransaction) blocker.exec("COMMIT");
    };
    // A second connection sees only committed data: it is read the moment each answer arrives.
    const reader = new Database(sqliteFilePath(getEnv().DATABASE_URL), { readonly: true });
    const committedEvent = reader.prepare(
      `SELECT (SELECT count(*) FROM "Delivery" d WHERE d."eventId" = e."id") AS deliveries
       FROM "Event" e WHERE e."webhookId" = ? AND e."dedupeKey" = ? AND e."outcome" = 'accepted'`,
    );
    try {
      const answers = Promise.all(
        Array.from({ length: 300 }, async (_, index) => {
          const body = clerkEvent("user.created", { id: `user_burst_${index}` });
          const answer = await post(webhookId, body, signedHeaders(body, { id: `msg_burst_${index}` }));
          const row = committedEvent.get(webhookId, `msg_burst_${index}`) as { deliveries: number } | undefined;
          return { status: answer.status, json: answer.json, deliveriesAtAnswer: row?.deliveries };
        }),
      );
      await until(() => store.pending === 300, "all 300 events to wait for the database", 4_000);
      expect(committedEvent.get(webhookId, "msg_burst_0")).toBeUndefined();
      release();
      for (const answer of await answers) {
        expect(answer).toEqual({ status: 200, json: { received: true }, deliveriesAtAnswer: 2 });
      }
    } finally {
      release(); // no-op when already released above
      blocker.close();
      reader.close();
    }
    // The first batch (the first request or two) waited for the lock; the batches sent while it waited
    // commit together in the next transaction, and what arrived once the writer held all the batches it
    // takes at once (8) in the one after.
    expect(store.stats.commits - commitsBefore).toBeLessThanOrEqual(3);
    expect(store.stats.commits - commitsBefore).toBeGreaterThanOrEqual(1);
    const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(webhook.eventCount).toBe(300);
    expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(300);
    expect(await db.delivery.count({ where: { webhookId, status: "pending" } })).toBe(600);
  });

  it("stores one event when the same svix-id arrives 12 times at once, answering the others as duplicates", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const body = clerkEvent("user.created");
    const headers = signedHeaders(body, { id: "msg_same_batch" });
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(webhookId, body, headers)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((answer) => answer.json.duplicate === true)).toHaveLength(11);

    const events = await db.event.findMany({ where: { webhookId }, orderBy: { id: "asc" } });
    const accepted = events.filter((event) => event.outcome === "accepted");
    expect(accepted).toHaveLength(1);
    expect(accepted[0].duplicateCount).toBe(11);
    expect(events.filter((event) => event.outcome === "duplicate")).toHaveLength(11);
    expect(await db.delivery.count({ where: { webhookId } })).toBe(1);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).eventCount).toBe(1);
  });

  it("fails only the event the database refuses, not the others written with it", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const store = ingestStoreFor(db);
    const event = (index: number, projectId = tenant.projectId) =>
      acceptedEvent(projectId, webhookId, `msg_poison_${index}`);
    // Written in one batch; the third names a project that does not exist (a foreign-key violation).
    const results = await Promise.allSettled([
      store.storeAccepted(event(1)),
      store.storeAccepted(event(2)),
      store.storeAccepted(event(3, "prj_does_not_exist")),
      store.storeAccepted(event(4)),
    ]);
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : "refused"))).toEqual([
      "stored",
      "stored",
      "refused",
      "stored",
    ]);
    const stored = await db.event.findMany({ where: { webhookId }, select: { svixId: true }, orderBy: { id: "asc" } });
    expect(stored.map((row) => row.svixId)).toEqual(["msg_poison_1", "msg_poison_2", "msg_poison_4"]);
    expect(await db.delivery.count({ where: { webhookId } })).toBe(3);
  });

  it("answers gone for an event whose webhook was deleted after the lookup, storing nothing", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const store = ingestStoreFor(db);
    await db.webhook.delete({ where: { id: webhookId } });
    const result = await store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, "msg_gone"));
    expect(result).toBe("gone");
    expect(await db.event.count({ where: { webhookId } })).toBe(0);
  });
});

describe.skipIf(isPostgresRun)("the SQLite writer thread", () => {
  it("commits with synchronous=FULL: an answered event is on disk, not only in the operating system's cache", () => {
    // A second connection to a database already in WAL mode gets better-sqlite3's build default, NORMAL.
    const writer = new SqliteBatchWriter(sqliteFilePath(getEnv().DATABASE_URL), 0);
    try {
      expect(writer.connection.pragma("synchronous", { simple: true })).toBe(2);
    } finally {
      writer.connection.close();
    }
  });

  it("commits the batches that reached it while it was writing in one transaction, answering each", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const store = ingestStoreFor(db) as SqliteIngestStore;
    const blocker = new Database(sqliteFilePath(getEnv().DATABASE_URL));
    blocker.exec("BEGIN IMMEDIATE");
    try {
      const commitsBefore = store.stats.commits;
      const answers: Promise<string>[] = [];
      // One event per turn of the event loop: each is sent to the writer as a batch of its own.
      for (const index of [1, 2, 3]) {
        answers.push(store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, `msg_merged_${index}`)));
        await new Promise((resolve) => setImmediate(resolve));
      }
      answers.push(store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, "msg_merged_1")));
      // All four are with the writer (not held back here until the first has committed).
      await until(() => store.sent === 4, "the four batches to reach the writer", 4_000);
      blocker.exec("COMMIT");
      expect(await Promise.all(answers)).toEqual(["stored", "stored", "stored", "duplicate"]);
      // Four batches, at most two transactions: the first batch may already be waiting for the lock when
      // the others reach the writer (then the three behind it commit together), or all four arrive first.
      expect(store.stats.commits - commitsBefore).toBeLessThanOrEqual(2);
      expect(store.stats.commits - commitsBefore).toBeGreaterThanOrEqual(1);
    } finally {
      if (blocker.inTransaction) blocker.exec("ROLLBACK");
      blocker.close();
    }
    expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(3);
    expect(await db.delivery.count({ where: { webhookId } })).toBe(3);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).eventCount).toBe(3);
  });

  it("lets a query of this thread's Prisma client in between batches while events keep arriving", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const store = ingestStoreFor(db) as SqliteIngestStore;
    const answers: Promise<string>[] = [];
    let sent = 0;
    let isStreaming = true;
    let deadline = Number.POSITIVE_INFINITY;
    // Ten events every turn of the event loop (no more while 2,000 wait), until the query is answered or
    // for at most 6 s: batches are always in flight, so the lock is never free for want of work.
    const stream = (async () => {
      while (isStreaming && performance.now() < deadline) {
        if (store.pending < 2_000) {
          for (let i = 0; i < 10; i++)
            answers.push(store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, `msg_stream_${sent++}`)));
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await until(() => sent >= 400 && store.sent > 0, "the stream to be under way", 4_000);
    deadline = performance.now() + 6_000;
    const started = performance.now();
    await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    const waitedMs = performance.now() - started;
    isStreaming = false;
    await stream;
    expect(new Set(await Promise.all(answers))).toEqual(new Set(["stored"]));
    // Its turn comes once the batches already sent are answered, not when the stream ends.
    expect(waitedMs).toBeLessThan(3_000);
    expect(await db.event.count({ where: { webhookId } })).toBe(sent);
  });

  it("leaves this thread free while a batch waits for another connection's write lock", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const store = ingestStoreFor(db) as SqliteIngestStore;
    const blocker = new Database(sqliteFilePath(getEnv().DATABASE_URL));
    blocker.exec("BEGIN IMMEDIATE");
    try {
      const body = clerkEvent("user.created");
      const answer = post(webhookId, body, signedHeaders(body, { id: "msg_wait_off_thread" }));
      await until(() => store.pending === 1, "the event to wait for the lock", 4_000);
      // The writer waits in SQLite's busy handler (up to 5 s); were it this thread, the timer would wait too.
      const started = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(store.pending).toBe(1);
      blocker.exec("COMMIT");
      expect(await answer).toMatchObject({ status: 200, json: { received: true } });
    } finally {
      if (blocker.inTransaction) blocker.exec("ROLLBACK");
      blocker.close();
    }
  });

  it("writes on a new thread once the writer thread has exited", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const store = ingestStoreFor(db) as SqliteIngestStore;
    const first = clerkEvent("user.created");
    expect(await post(webhookId, first, signedHeaders(first, { id: "msg_before_exit" }))).toMatchObject({
      status: 200,
    });
    // Terminated while idle: a thread stopped inside a SQLite call would take the process down with it.
    await (store as unknown as { writer: { thread: Worker } }).writer.thread.terminate();
    const second = clerkEvent("user.created");
    expect(await post(webhookId, second, signedHeaders(second, { id: "msg_after_exit" }))).toMatchObject({
      status: 200,
      json: { received: true },
    });
    expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(2);
  });
});

describe("the node:http ingest front end", () => {
  it("recognises only ingest URLs", () => {
    expect(ingestWebhookId("/api/ingest/wh_abc")).toBe("wh_abc");
    expect(ingestWebhookId("/api/ingest/wh_abc/")).toBe("wh_abc");
    expect(ingestWebhookId("/api/ingest/wh_abc?x=1")).toBe("wh_abc");
    expect(ingestWebhookId("/api/ingest/wh%5Fabc")).toBe("wh_abc");
    expect(ingestWebhookId("/api/ingest/")).toBe("");
    expect(ingestWebhookId("/api/ingest/wh_abc/extra")).toBeUndefined();
    expect(ingestWebhookId("/api/ingestx/wh_abc")).toBeUndefined();
    expect(ingestWebhookId("/webhooks")).toBeUndefined();
  });

  it("answers like the route handler: JSON bodies, 405 with Allow, 404 for unknown ids, 413 from Content-Length", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const body = clerkEvent("user.created");
    const ok = await post(webhookId, body, signedHeaders(body, { id: "msg_front_ok" }));
    expect(ok).toMatchObject({ status: 200, json: { received: true } });
    expect(ok.headers.get("content-type")).toBe("application/json");
    expect(ok.headers.get("cache-control")).toBe("no-store");

    const get = await fetch(`${baseUrl}/api/ingest/${webhookId}`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(await get.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });

    const unknown = await post("wh_000000000000000000000000", body, signedHeaders(body));
    expect(unknown).toMatchObject({ status: 404, json: { error: { code: "webhook_not_found" } } });

    const big = "x".repeat(256 * 1024 + 1);
    const tooBig = await post(webhookId, big, signedHeaders(big, { id: "msg_front_big" }));
    expect(tooBig).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
    const rejected = await db.event.findFirstOrThrow({ where: { webhookId, reasonCode: "payload_too_large" } });
    expect(rejected.bodySize).toBe(256 * 1024 + 1);
  });
});
