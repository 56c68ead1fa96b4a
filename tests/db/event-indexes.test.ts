import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { trimLoggedRequests } from "@/lib/ingest/record-request";
import { listEvents, listEventTypes } from "@/lib/log/list-events";
import { getOverview } from "@/lib/overview/get-overview";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

// The log and the overview read events through two covering indexes, (projectId, id, outcome, eventType)
// and (webhookId, id, outcome, eventType), in the id order they page in (migration 0011); the trim of a
// webhook's rejected requests through (webhookId, outcome, id) (migration 0012). SQLite plans
// without statistics (Hookbell never runs ANALYZE), so the plan of each statement the pages issue is the
// same on an empty file as on a large one: this test reads the plan of every statement they really send.

let db: Db;
let tenant: Tenant;
let webhookId: string;
const statements = new Set<string>();
const originalPrepare = Database.prototype.prepare;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  webhookId = (await createWebhook(db, tenant, "indexed")).id;
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    if (/\bFROM [`"]?(main[`"]?\.[`"]?)?Event\b/i.test(source) && /^\s*SELECT/i.test(source)) statements.add(source);
    return originalPrepare.call(this, source);
  } as typeof Database.prototype.prepare;
});

afterAll(() => {
  Database.prototype.prepare = originalPrepare;
});

/** The query plan of each Event statement `run` sends, as SQLite's EXPLAIN QUERY PLAN details. */
async function plansOf(run: () => Promise<unknown>): Promise<string[][]> {
  statements.clear();
  await run();
  const file = new Database(sqliteFilePath(getEnv().DATABASE_URL), { readonly: true });
  try {
    return [...statements].map((sql) => {
      const parameters = (sql.match(/\?/g) ?? []).map(() => null);
      const rows = file.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[];
      return rows.map((row) => row.detail);
    });
  } finally {
    file.close();
  }
}

describe.skipIf(isPostgresRun)("event indexes on SQLite", () => {
  const pages: [string, () => Promise<unknown>, string][] = [
    ["the log's first page", () => listEvents(db, tenant, {}), "Event_projectId_id_outcome_eventType_idx"],
    [
      "the log filtered by event type",
      () => listEvents(db, tenant, { type: "user.created" }),
      "Event_projectId_id_outcome_eventType_idx",
    ],
    [
      "the log filtered by outcome",
      () => listEvents(db, tenant, { outcome: "rejected" }),
      "Event_projectId_id_outcome_eventType_idx",
    ],
    ["the log of one webhook", () => listEvents(db, tenant, { webhookId }), "Event_webhookId_id_outcome_eventType_idx"],
    [
      "the log of one webhook filtered by outcome and type",
      () => listEvents(db, tenant, { webhookId, outcome: "accepted", type: "user.created", range: "7d" }),
      "Event_webhookId_outcome_id_idx",
    ],
    ["the event type dropdown", () => listEventTypes(db, tenant), "Event_projectId_id_outcome_eventType_idx"],
    ["the overview", () => getOverview(db, tenant, "7d"), "Event_projectId_id_outcome_eventType_idx"],
    [
      "the trim of a webhook's rejected requests",
      () => trimLoggedRequests(db, webhookId, "rejected", 1000),
      "Event_webhookId_outcome_id_idx",
    ],
  ];

  it.each(pages)("%s reads events through its index, in its order", async (_page, run, index) => {
    const plans = await plansOf(run);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      const event = plan.filter((detail) => /\bEvent\b/.test(detail) && /^(SCAN|SEARCH)/.test(detail));
      expect(event, plan.join("\n")).not.toHaveLength(0);
      for (const detail of event) {
        expect(detail, plan.join("\n")).toContain(index);
        expect(detail, plan.join("\n")).not.toMatch(/^SCAN Event$/);
      }
      // Paging newest first walks the index backwards; it never sorts the project's events.
      if (plan.some((detail) => /ORDER BY/.test(detail))) {
        expect(plan.join("\n")).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
      }
    }
  });
});
