import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { migrateDatabase, readMigrations } from "@/lib/db/migrate";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { listDeliveries } from "@/lib/log/list-deliveries";
import { listEvents } from "@/lib/log/list-events";
import { notAlertedDate, parseNotAlerted } from "@/lib/log/not-alerted";
import { isPostgresRun } from "../helpers/test-db";

// 0009 moves the "filtered" Delivery rows (a channel that did not alert) into the event's notAlerted
// column. A database at 0008 with an event that has two filtered rows (one from ingest, one from a replay)
// and one sent row is migrated: every filtered row's information is on the event, the sent row stays, and
// the log shows the same list as before.

const BEFORE = "0009_not_alerted";

async function execute(statements: string[]): Promise<void> {
  const url = getEnv().DATABASE_URL;
  if (isPostgresRun) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const sql of statements) await client.query(sql);
    } finally {
      await client.end();
    }
    return;
  }
  const db = new Database(sqliteFilePath(url));
  try {
    for (const sql of statements) db.exec(sql);
  } finally {
    db.close();
  }
}

const delivery = (id: string, channel: string, kind: string, trigger: string, status: string, reason: string | null) =>
  `INSERT INTO "Delivery" ("id", "projectId", "webhookId", "eventId", "channelId", "kind", "trigger", "status",
     "statusReason", "attemptCount", "createdAt", "updatedAt", "completedAt")
   VALUES ('${id}', 'prj_m', 'wh_m', 'evt_m', '${channel}', '${kind}', '${trigger}', '${status}',
     ${reason === null ? "NULL" : `'${reason.replaceAll("'", "''")}'`}, 0, '2026-12-01 10:00:00', '2026-12-01 10:00:00', '2026-12-01 10:00:00')`;

describe("migration 0009: not alerted on the event", () => {
  it("moves every filtered delivery into the event's notAlerted entries and keeps the log's list", async () => {
    const provider = isPostgresRun ? "postgresql" : "sqlite";
    const earlier = readMigrations(provider).filter((migration) => migration.name < BEFORE);
    await execute([
      ...earlier.map((migration) => migration.sql),
      `CREATE TABLE "_hookbell_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`,
      ...earlier.map((migration) => `INSERT INTO "_hookbell_migrations" VALUES ('${migration.name}', 'test')`),
      `INSERT INTO "Project" ("id", "name") VALUES ('prj_m', 'Migrated')`,
      `INSERT INTO "Webhook" ("id", "projectId", "name", "updatedAt") VALUES ('wh_m', 'prj_m', 'Clerk', CURRENT_TIMESTAMP)`,
      ...["ch_a", "ch_b"].map(
        (id) =>
          `INSERT INTO "Channel" ("id", "projectId", "webhookId", "kind", "isEnabled", "name", "updatedAt")
           VALUES ('${id}', 'prj_m', 'wh_m', '${id === "ch_a" ? "slack" : "email"}', true, '${id}', CURRENT_TIMESTAMP)`,
      ),
      `INSERT INTO "Event" ("id", "projectId", "webhookId", "receivedAt", "outcome", "httpStatus", "svixId",
         "dedupeKey", "eventType", "headers", "body", "bodySize")
       VALUES ('evt_m', 'prj_m', 'wh_m', '2026-12-01 10:00:00', 'accepted', 200, 'msg_m', 'msg_m', 'user.created',
         '{}', '{}', 2)`,
      delivery(
        "dlv_1",
        "ch_a",
        "slack",
        "event",
        "filtered",
        "Not alerted: user.created is not in this channel's event types.",
      ),
      delivery("dlv_2", "ch_b", "email", "event", "sent", null),
      delivery("dlv_3", "ch_a", "slack", "replay", "filtered", "Not alerted: condition failed — data.x is missing."),
    ]);

    expect((await migrateDatabase(getEnv().DATABASE_URL))[0]).toBe(BEFORE);

    const db = getDb();
    expect((await db.delivery.findMany({ select: { id: true } })).map((row) => row.id)).toEqual(["dlv_2"]);
    const event = await db.event.findUniqueOrThrow({ where: { id: "evt_m" } });
    const entries = parseNotAlerted(event.notAlerted);
    expect(entries.map(({ at: _at, ...entry }) => entry)).toEqual([
      {
        id: "dlv_1",
        channelId: "ch_a",
        kind: "slack",
        trigger: "event",
        reason: "Not alerted: user.created is not in this channel's event types.",
      },
      {
        id: "dlv_3",
        channelId: "ch_a",
        kind: "slack",
        trigger: "replay",
        reason: "Not alerted: condition failed — data.x is missing.",
      },
    ]);
    for (const entry of entries) expect(notAlertedDate(entry).toISOString()).toBe("2026-12-01T10:00:00.000Z");

    const tenant = { projectId: "prj_m", userId: "usr_m" };
    const listed = await listDeliveries(db, tenant, "evt_m");
    expect(listed.map((row) => [row.id, row.trigger, row.status])).toEqual([
      ["dlv_1", "event", "filtered"],
      ["dlv_2", "event", "sent"],
      ["dlv_3", "replay", "filtered"],
    ]);
    expect((await listEvents(db, tenant, { alerts: "filtered" })).events.map((row) => row.id)).toEqual(["evt_m"]);
  });
});
