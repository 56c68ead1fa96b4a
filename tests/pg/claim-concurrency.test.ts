import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { type Claim, claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { getEnv } from "@/lib/env";
import { deliveriesOf, ingest, webhookWithChannels } from "../delivery/harness";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Claiming on PostgreSQL: one statement with FOR UPDATE SKIP LOCKED. Many claims at once, through several
// clients (as several worker processes would), must never hand out one row twice.

const LEASE_MS = 30_000;
let db: Db;
const clients: Db[] = [];

beforeAll(async () => {
  db = await openTestDb();
  // Separate clients, each with its own connection pool: the claims really run side by side.
  for (let i = 0; i < 3; i++) clients.push(createDb(getEnv().DATABASE_URL));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

/** `count` pending deliveries due at `dueAt`, copies of one real ingested delivery. */
async function queue(count: number, dueAt: Date): Promise<{ webhookId: string; ids: string[] }> {
  const tenant = await seedTenant(db);
  const { webhookId } = await webhookWithChannels(db, tenant, { email: ["claims@example.com"] });
  expect((await ingest(db, webhookId)).status).toBe(200);
  const [template] = await deliveriesOf(db, webhookId);
  await db.delivery.deleteMany({ where: { webhookId } });
  const { attempts: _, ...row } = template;
  const ids = Array.from({ length: count }, (_, i) => `${template.id}_${String(i).padStart(4, "0")}`);
  await db.delivery.createMany({ data: ids.map((id) => ({ ...row, id, nextAttemptAt: dueAt })) });
  return { webhookId, ids };
}

describe("claiming on PostgreSQL", () => {
  it("hands each due row to exactly one of many concurrent claims", async () => {
    const now = new Date();
    const { webhookId, ids } = await queue(600, new Date(now.getTime() - 1000));
    const claims: Claim[] = [];
    // 24 claimers (8 per client, like 3 workers of concurrency 8) claim small batches until nothing is due.
    await Promise.all(
      Array.from({ length: 24 }, async (_, lane) => {
        const client = clients[lane % clients.length];
        for (;;) {
          const batch = await claimDeliveries(client, 5, now, LEASE_MS);
          if (batch.length === 0) return;
          claims.push(...batch);
        }
      }),
    );

    const claimedIds = claims.map((claim) => claim.id);
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
    expect(claimedIds.sort()).toEqual([...ids].sort());
    expect(claims.every((claim) => claim.lostSince === null)).toBe(true);
    expect(new Set(claims.map((claim) => claim.token)).size).toBe(claims.length);

    // Each row is leased to the claim that got it, until now + lease.
    const rows = await db.delivery.findMany({ where: { webhookId } });
    const tokenOf = new Map(claims.map((claim) => [claim.id, claim.token]));
    for (const row of rows) {
      expect(row.status).toBe("sending");
      expect(row.leaseToken).toBe(tokenOf.get(row.id));
      expect(row.nextAttemptAt?.getTime()).toBe(now.getTime() + LEASE_MS);
    }
    await db.delivery.deleteMany({ where: { webhookId } });
  }, 60_000);

  it("passes over a row another transaction holds instead of waiting for it", async () => {
    const now = new Date();
    const { webhookId, ids } = await queue(3, new Date(now.getTime() - 1000));
    const holder = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT "id" FROM "Delivery" WHERE "id" = $1 FOR UPDATE`, [ids[0]]);
      const claimed = await Promise.race([
        claimDeliveries(db, 10, now, LEASE_MS),
        new Promise<"blocked">((resolve) => setTimeout(() => resolve("blocked"), 5000)),
      ]);
      expect(claimed === "blocked" ? claimed : claimed.map((claim) => claim.id).sort()).toEqual(ids.slice(1));
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    // Released, the row is claimed by the next round.
    expect((await claimDeliveries(db, 10, now, LEASE_MS)).map((claim) => claim.id)).toEqual([ids[0]]);
    await db.delivery.deleteMany({ where: { webhookId } });
  });

  it("takes over a row whose lease ran out and says since when its worker was gone", async () => {
    const start = new Date();
    const { webhookId, ids } = await queue(1, new Date(start.getTime() - 1000));
    const [first] = await claimDeliveries(db, 1, start, LEASE_MS);
    expect(first).toMatchObject({ id: ids[0], lostSince: null });
    // Within the lease nobody else gets it; after it, the next claim does, with a new token.
    expect(await claimDeliveries(db, 1, new Date(start.getTime() + LEASE_MS - 1), LEASE_MS)).toEqual([]);
    const later = new Date(start.getTime() + LEASE_MS + 5);
    const [second] = await claimDeliveries(db, 1, later, LEASE_MS);
    expect(second.id).toBe(ids[0]);
    expect(second.token).not.toBe(first.token);
    expect(second.lostSince?.getTime()).toBe(start.getTime());
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.leaseToken).toBe(second.token);
    await db.delivery.deleteMany({ where: { webhookId } });
  });
});
