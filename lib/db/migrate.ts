import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "./sqlite-path";

// Applies prisma/migrations/<provider>/*.sql in name order, once each, recording them in _hookbell_migrations.
// The app runs this at start-up, so `npm start` on an empty data folder yields a ready database.

const MIGRATIONS_ROOT = path.join(process.cwd(), "prisma", "migrations");

type Migration = { name: string; sql: string };

export function readMigrations(provider: "sqlite" | "postgresql", root = MIGRATIONS_ROOT): Migration[] {
  const dir = path.join(root, provider);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ""), sql: readFileSync(path.join(dir, file), "utf8") }));
}

/** Returns the names of the migrations applied by this call. */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  return databaseUrl.startsWith("file:") ? migrateSqlite(databaseUrl) : migratePostgres(databaseUrl);
}

function migrateSqlite(databaseUrl: string): string[] {
  const file = sqliteFilePath(databaseUrl);
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_hookbell_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
    const done = new Set(
      db
        .prepare(`SELECT "name" FROM "_hookbell_migrations"`)
        .all()
        .map((row) => (row as { name: string }).name),
    );
    const applied: string[] = [];
    for (const migration of readMigrations("sqlite")) {
      if (done.has(migration.name)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(`INSERT INTO "_hookbell_migrations" ("name", "appliedAt") VALUES (?, ?)`).run(
          migration.name,
          new Date().toISOString(),
        );
      }).immediate();
      applied.push(migration.name);
    }
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Several app processes may start at once: one advisory lock serialises their migrations.
    await client.query("SELECT pg_advisory_lock(727274)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_hookbell_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`,
    );
    const { rows } = await client.query<{ name: string }>(`SELECT "name" FROM "_hookbell_migrations"`);
    const done = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of readMigrations("postgresql")) {
      if (done.has(migration.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_hookbell_migrations" ("name", "appliedAt") VALUES ($1, $2)`, [
          migration.name,
          new Date().toISOString(),
        ]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock(727274)").catch(() => {});
    await client.end();
  }
}
