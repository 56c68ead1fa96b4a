import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createDb, type Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { newEventId } from "@/lib/ids";
import { ingestStoreFor } from "@/lib/ingest/ingest-store";
import { PostgresIngestStore } from "@/lib/ingest/postgres-ingest-store";
import { ingestWebhookId, serveIngest } from "@/lib/ingest/serve-ingest";
import { webhookWithChannels } from "../delivery/harness";
import { acceptedEvent } from "../helpers/accepted-event";
import { freePort, until } from "../helpers/load";
import { lockWebhookRow } from "../helpers/postgres";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

// The PostgreSQL ingest path served the way server.ts serves it (node:http, no Next): concurrent requests
// are written in shared transactions, no request is answered before its event has committed, and two app
// processes on one database store each svix-id once.

describe.runIf(isPostgresRun)("group commit on PostgreSQL", () => {
  let db: Db;
  let tenant: Tenant;
  let store: PostgresIngestStore;
  let server: Server;
  let baseUrl: string;
  // Connections of their own: they see only what has committed.
  let reader: pg.Pool;

  beforeAll(async () => {
    db = await openTestDb();
    tenant = await seedTenant(db);
    store = ingestStoreFor(db) as PostgresIngestStore;
    reader = new pg.Pool({ connectionString: getEnv().DATABASE_URL, max: 4 });
    server = createServer((req, res) => {
      const webhookId = ingestWebhookId(req.url);
      if (webhookId === undefined) return void res.writeHead(404).end();
      void serveIngest(db, req, res, webhookId, req.socket.remoteAddress);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await reader?.end();
  });

  async function post(webhookId: string, body: string, headers: Record<string, string>) {
    const response = await fetch(`${baseUrl}/api/ingest/${webhookId}`, { method: "POST", body, headers });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  /** An uncommitted event with this svix-id: inserting the same one waits for this transaction. */
  async function holdSvixId(webhookId: string, svixId: string): Promise<() => Promise<void>> {
    const locker = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await locker.connect();
    await locker.query("BEGIN");
    await locker.query(
      `INSERT INTO "Event" ("id", "projectId", "webhookId", "receivedAt", "outcome", "httpStatus", "svixId",
         "dedupeKey", "headers", "body", "bodySize")
       VALUES ($1, $2, $3, now(), 'accepted', 200, $4, $4, '{}', '{}', 2)`,
      [newEventId(), tenant.projectId, webhookId, svixId],
    );
    return async () => {
      await locker.query("ROLLBACK");
      await locker.end();
    };
  }

  async function untilWaitingForLocks(count: number): Promise<void> {
    await until(async () => {
      const { rows } = await reader.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows[0].n === count;
    }, `${count} transactions to wait for a lock`);
  }

  /**
   * Holds the store's next batches in the database (each carries one event of a locked webhook; the store
   * writes two at once), so whatever is stored meanwhile queues behind them. Resolves with the release,
   * which checks the held events were stored.
   */
  async function holdNextBatches(): Promise<() => Promise<void>> {
    const held: Promise<unknown>[] = [];
    const unlocks: (() => Promise<void>)[] = [];
    for (const slot of [1, 2]) {
      const { webhookId } = await webhookWithChannels(db, tenant);
      unlocks.push(await lockWebhookRow(getEnv().DATABASE_URL, webhookId));
      held.push(store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, `msg_held_${slot}`)));
      await untilWaitingForLocks(slot);
    }
    return async () => {
      for (const unlock of unlocks) await unlock();
      expect(await Promise.all(held)).toEqual(["stored", "stored"]);
    };
  }

  it("answers each of 300 concurrent requests only once its event and outbox rows are committed", async () => {
    expect(store).toBeInstanceOf(PostgresIngestStore);
    const { webhookId } = await webhookWithChannels(db, tenant, { email: ["burst@example.com"], slack: true });
    const commitsBefore = store.stats.commits;
    const release = await holdNextBatches();
    let answered = 0;
    const answers = Promise.all(
      Array.from({ length: 300 }, async (_, index) => {
        const body = clerkEvent("user.created", { id: `user_burst_${index}` });
        const answer = await post(webhookId, body, signedHeaders(body, { id: `msg_burst_${index}` }));
        answered += 1;
        const { rows } = await reader.query(
          `SELECT (SELECT count(*)::int FROM "Delivery" d WHERE d."eventId" = e."id") AS deliveries
           FROM "Event" e WHERE e."webhookId" = $1 AND e."dedupeKey" = $2 AND e."outcome" = 'accepted'`,
          [webhookId, `msg_burst_${index}`],
        );
        return { ...answer, deliveriesAtAnswer: rows[0]?.deliveries };
      }),
    );
    await until(() => store.queued === 300, "all 300 events to wait for the database", 15_000);
    expect(answered).toBe(0);
    const { rows } = await reader.query(`SELECT count(*)::int AS n FROM "Event" WHERE "webhookId" = $1`, [webhookId]);
    expect(rows[0].n).toBe(0);
    await release();
    for (const answer of await answers) {
      expect(answer).toEqual({ status: 200, json: { received: true }, deliveriesAtAnswer: 2 });
    }
    // The two held batches, then one transaction for all 300.
    expect(store.stats.commits - commitsBefore).toBe(3);
    const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(webhook.eventCount).toBe(300);
    expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(300);
    expect(await db.delivery.count({ where: { webhookId, status: "pending" } })).toBe(600);
  });

  it("stores one event when the same svix-id arrives 12 times in one batch, answering the others as duplicates", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const body = clerkEvent("user.created");
    const headers = signedHeaders(body, { id: "msg_same_batch" });
    const commitsBefore = store.stats.commits;
    const release = await holdNextBatches();
    const answers = Promise.all(Array.from({ length: 12 }, () => post(webhookId, body, headers)));
    await until(() => store.queued === 12, "the 12 copies to wait for the database", 15_000);
    await release();
    expect((await answers).map((answer) => answer.status)).toEqual(Array(12).fill(200));
    expect((await answers).filter((answer) => answer.json.duplicate === true)).toHaveLength(11);
    // No fallback to one transaction per event: the batch itself told the copies apart.
    expect(store.stats.commits - commitsBefore).toBe(3);

    const events = await db.event.findMany({ where: { webhookId } });
    const original = events.filter((event) => event.outcome === "accepted");
    expect(original).toHaveLength(1);
    expect(original[0].duplicateCount).toBe(11);
    expect(events.filter((event) => event.outcome === "duplicate")).toHaveLength(11);
    expect(await db.delivery.count({ where: { webhookId } })).toBe(1);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).eventCount).toBe(1);
  });

  it("fails only the event the database refuses, not the others written with it", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    // Queued in one turn of the event loop: one batch; the third names a project that does not exist.
    const results = await Promise.allSettled([
      store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, "msg_poison_1")),
      store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, "msg_poison_2")),
      store.storeAccepted(acceptedEvent("prj_does_not_exist", webhookId, "msg_poison_3")),
      store.storeAccepted(acceptedEvent(tenant.projectId, webhookId, "msg_poison_4")),
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
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).eventCount).toBe(3);
  });

  it("answers gone for an event whose webhook was deleted after the lookup, storing nothing", async () => {
    const deleted = await webhookWithChannels(db, tenant, { slack: true });
    const live = [await webhookWithChannels(db, tenant, { slack: true }), await webhookWithChannels(db, tenant)];
    await db.webhook.delete({ where: { id: deleted.webhookId } });
    const commitsBefore = store.stats.commits;
    const results = await Promise.all([
      store.storeAccepted(acceptedEvent(tenant.projectId, live[0].webhookId, "msg_gone")),
      store.storeAccepted(acceptedEvent(tenant.projectId, deleted.webhookId, "msg_gone")),
      store.storeAccepted(acceptedEvent(tenant.projectId, live[1].webhookId, "msg_gone")),
    ]);
    expect(results).toEqual(["stored", "gone", "stored"]);
    // One batch: the deleted webhook's event was left out rather than failing the transaction.
    expect(store.stats.commits - commitsBefore).toBe(1);
    expect(await db.event.count({ where: { webhookId: deleted.webhookId } })).toBe(0);
    expect(await db.delivery.count({ where: { webhookId: deleted.webhookId } })).toBe(0);
    for (const { webhookId } of live) {
      expect(await db.event.count({ where: { webhookId } })).toBe(1);
      expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).eventCount).toBe(1);
    }
  });

  it("stores each svix-id once when two app processes write the same events at the same time", async () => {
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    // A second client with its own connection pool and its own store, as a second app process has.
    const other = createDb(getEnv().DATABASE_URL);
    try {
      const stores = [store, ingestStoreFor(other) as PostgresIngestStore];
      expect(stores[1]).not.toBe(store);
      const commitsBefore = stores.map((each) => each.stats.commits);
      const ids = Array.from({ length: 400 }, (_, index) => `msg_both_${String(index).padStart(3, "0")}`);
      // A third transaction holds the middle svix-id, so both batches stop there with half of theirs
      // inserted: one store sent the ids in order, the other in reverse. Unless both insert in the same
      // order, each then waits for the other's rows: a deadlock.
      const unlock = await holdSvixId(webhookId, ids[200]);
      const written = Promise.all(
        [ids, [...ids].reverse()].map((order, index) =>
          Promise.all(order.map((id) => stores[index].storeAccepted(acceptedEvent(tenant.projectId, webhookId, id)))),
        ),
      );
      await untilWaitingForLocks(2);
      await unlock();
      const [first, second] = await written;
      expect([...first, ...second].filter((result) => result !== "stored" && result !== "duplicate")).toEqual([]);
      const stored = [
        ...ids.filter((_, index) => first[index] === "stored"),
        ...ids.filter((_, index) => second[ids.length - 1 - index] === "stored"),
      ];
      expect(stored.sort()).toEqual(ids);

      const events = await db.event.findMany({ where: { webhookId }, select: { svixId: true, duplicateCount: true } });
      expect(events.map((event) => event.svixId).sort()).toEqual(ids);
      expect(events.every((event) => event.duplicateCount === 1)).toBe(true);
      expect(await db.delivery.count({ where: { webhookId } })).toBe(ids.length);
      expect((await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).eventCount).toBe(ids.length);
      // One transaction per store: a deadlock would have sent a batch down the per-event path (a commit each).
      expect(stores.map((each, index) => each.stats.commits - commitsBefore[index])).toEqual([1, 1]);
    } finally {
      await other.$disconnect();
    }
  });

  it("refuses every waiting event, rather than keeping it waiting, when the database cannot be reached", async () => {
    const unreachable = createDb(`postgresql://postgres@127.0.0.1:${await freePort()}/hookbell`);
    try {
      const downStore = ingestStoreFor(unreachable);
      const waiting = Array.from({ length: 5 }, (_, index) =>
        downStore.storeAccepted(acceptedEvent(tenant.projectId, "wh_000000000000000000000000", `msg_down_${index}`)),
      );
      const results = await Promise.allSettled(waiting);
      expect(results.map((result) => result.status)).toEqual(Array(5).fill("rejected"));
    } finally {
      await unreachable.$disconnect();
    }
  });
});
