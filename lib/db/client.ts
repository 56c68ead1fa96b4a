import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "../env";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { serializeSqliteAdapter } from "./serialized-sqlite-adapter";
import { sqliteFilePath } from "./sqlite-path";

// Both generated clients come from one schema (scripts/generate-prisma.ts), so their APIs are identical;
// the SQLite one's type stands for both.
export type Db = InstanceType<typeof SqliteClient>;

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl), timeout: 5000 });
    return new SqliteClient({ adapter: serializeSqliteAdapter(adapter) });
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  return new PostgresClient({ adapter }) as unknown as Db;
}

// One client per process, shared by Next's route bundles and the custom server through globalThis.
const globalForDb = globalThis as unknown as { hookbellDb?: Db };

export function getDb(): Db {
  globalForDb.hookbellDb ??= createDb(getEnv().DATABASE_URL);
  return globalForDb.hookbellDb;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
