import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrateDatabase, readMigrations } from "@/lib/db/migrate";
import {
  introspectSqlite,
  parseMigrationSql,
  parsePrismaSchema,
  type Shape,
  withoutConstraintNames,
  withoutPrimaryKeyNames,
} from "./schema-shape";

// Fails when prisma/migrations/sqlite, prisma/migrations/postgresql and prisma/schema.prisma drift apart.

const migrationSql = (provider: "sqlite" | "postgresql") =>
  readMigrations(provider)
    .map((migration) => migration.sql)
    .join(";\n");

const sqlite = parseMigrationSql(migrationSql("sqlite"));
const postgres = parseMigrationSql(migrationSql("postgresql"));
const prisma = parsePrismaSchema(readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8"));
const MODELS = Object.keys(prisma.tables).sort();

describe("the parsers themselves", () => {
  it("read every model, index and foreign key from each source", () => {
    expect(MODELS).toEqual([
      "ApiKey",
      "AuditEntry",
      "Channel",
      "ChannelTemplate",
      "Delivery",
      "DeliveryAttempt",
      "Event",
      "MailboxMessage",
      "Membership",
      "Project",
      "SendPacing",
      "Session",
      "Usage",
      "User",
      "Webhook",
    ]);
    for (const shape of [sqlite, postgres, prisma]) {
      expect(Object.keys(shape.tables).sort()).toEqual(MODELS);
      expect(Object.keys(shape.indexes)).toHaveLength(21);
      expect(Object.keys(shape.foreignKeys)).toHaveLength(19);
      expect(Object.keys(shape.tables.Event.columns)).toHaveLength(20);
    }
  });

  it("notice a column made nullable, a renamed index, a dropped foreign key and a changed default", () => {
    const sql = migrationSql("sqlite");
    const mutations = [
      sql.replace(`"passwordHash" TEXT NOT NULL`, `"passwordHash" TEXT`),
      sql.replace(`"Event_webhookId_id_outcome_eventType_idx" ON`, `"Event_webhookId_id_outcome_idx" ON`),
      sql.replace(
        `"Event_webhookId_id_outcome_eventType_idx" ON "Event"("webhookId", "id", "outcome", "eventType")`,
        `"Event_webhookId_id_outcome_eventType_idx" ON "Event"("webhookId", "outcome", "id", "eventType")`,
      ),
      sql.replace(/,\s*CONSTRAINT "Event_webhookId_fkey"[^\n]*\n/, "\n"),
      sql.replace(`DEFAULT 'owner'`, `DEFAULT 'admin'`),
      sql.replace(`REFERENCES "Webhook" ("id") ON DELETE CASCADE`, `REFERENCES "Webhook" ("id") ON DELETE SET NULL`),
    ];
    for (const mutated of mutations) {
      expect(mutated).not.toBe(sql);
      expect(withoutPrimaryKeyNames(parseMigrationSql(mutated))).not.toEqual(withoutPrimaryKeyNames(sqlite));
    }
    const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
    expect(parsePrismaSchema(schema.replace("name         String?", "name         String"))).not.toEqual(prisma);
    expect(parsePrismaSchema(schema.replace("  @@index([projectId, id, outcome, eventType])\n", ""))).not.toEqual(
      prisma,
    );
  });

  it("refuse SQL they do not understand instead of skipping it", () => {
    expect(() => parseMigrationSql(`CREATE VIEW "v" AS SELECT 1`)).toThrow(/unsupported statement/);
    expect(() => parseMigrationSql(`CREATE TABLE "t" ("a" TEXT NOT NULL UNIQUE)`)).toThrow(/unsupported column clause/);
  });
});

describe("SQLite and PostgreSQL migrations", () => {
  it("build the same tables, columns, nullability, defaults, keys, indexes and foreign keys", () => {
    expect(withoutPrimaryKeyNames(sqlite)).toEqual(withoutPrimaryKeyNames(postgres));
  });
});

describe("migrations against prisma/schema.prisma", () => {
  for (const model of MODELS) {
    it(`model ${model}: every field is a column of the same type, nullability and default, in both dialects`, () => {
      const expected = prisma.tables[model];
      expect(postgres.tables[model]).toEqual(expected);
      expect(sqlite.tables[model]).toEqual({ ...expected, primaryKeyName: null });
    });
  }

  it("creates exactly the indexes the schema declares, under Prisma's default names", () => {
    expect(postgres.indexes).toEqual(prisma.indexes);
    expect(sqlite.indexes).toEqual(prisma.indexes);
  });

  it("creates exactly the foreign keys the schema's relations declare, under Prisma's default names", () => {
    expect(postgres.foreignKeys).toEqual(prisma.foreignKeys);
    expect(sqlite.foreignKeys).toEqual(prisma.foreignKeys);
  });

  it("has no table the schema lacks", () => {
    expect(postgres).toEqual(prisma);
    expect(withoutPrimaryKeyNames(sqlite)).toEqual(withoutPrimaryKeyNames(prisma));
  });
});

describe("the SQLite migrations applied to a real database", () => {
  const databaseFile = path.join(mkdtempSync(path.join(tmpdir(), "hookbell-drift-")), "drift.db");
  const databaseUrl = `file:${databaseFile}`;

  it("applies every migration on an empty database, then nothing on a second run", async () => {
    const names = readMigrations("sqlite").map((migration) => migration.name);
    expect(names).toContain("0001_init");
    expect(await migrateDatabase(databaseUrl)).toEqual(names);
    expect(await migrateDatabase(databaseUrl)).toEqual([]);
    const db = new Database(databaseFile, { readonly: true });
    try {
      const recorded = db.prepare(`SELECT "name" FROM "_hookbell_migrations" ORDER BY "name"`).all();
      expect(recorded).toEqual(names.map((name) => ({ name })));
    } finally {
      db.close();
    }
  });

  it("leaves exactly the structure parsed from the migration files (PRAGMA table_info / index_list / foreign_key_list)", async () => {
    await migrateDatabase(databaseUrl);
    const db = new Database(databaseFile, { readonly: true });
    let live: Shape;
    try {
      live = introspectSqlite(db, ["_hookbell_migrations"]);
    } finally {
      db.close();
    }
    expect(withoutConstraintNames(live)).toEqual(withoutConstraintNames(sqlite));
    expect(withoutConstraintNames(live)).toEqual(withoutConstraintNames(prisma));
  });
});
