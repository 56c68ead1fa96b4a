import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "../env";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { type Prisma, PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { serializeSqliteAdapter } from "./serialized-sqlite-adapter";
import { SqliteLock } from "./sqlite-lock";
import { sqliteFilePath } from "./sqlite-path";

// Both generated clients come from one schema (scripts/generate-prisma.ts), so their APIs are identical;
// the SQLite one's type stands for both.
export type Db = InstanceType<typeof SqliteClient>;

/** The client an interactive transaction hands its callback (`db.$transaction(async (tx) => …)`). */
export type Tx = Prisma.TransactionClient;

/**
 * What a helper takes when it may run inside a transaction or outside one (trigger.dev's
 * PrismaClientOrTransaction): a transaction's client lacks only $connect, $transaction and the like.
 */
export type DbOrTx = Db | Tx;

/** What a client was made from: the ingest fast path opens its own connection to the same database. */
export type DbOrigin =
  | { provider: "sqlite"; url: string; file: string; lock: SqliteLock }
  | { provider: "postgresql"; url: string };

const origins = new WeakMap<Db, DbOrigin>();

export function createDb(databaseUrl: string): Db {
  if (databaseUrl.startsWith("file:")) {
    const file = sqliteFilePath(databaseUrl);
    const lock = new SqliteLock();
    const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
    const db = new SqliteClient({ adapter: serializeSqliteAdapter(adapter, lock) });
    origins.set(db, { provider: "sqlite", url: databaseUrl, file, lock });
    return db;
  }
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  // A transaction waits for one of the pool's connections. Prisma gives up after 2 s by default, which a
  // burst of a few hundred requests (a sender catching up after an outage) exceeds: they would be refused
  // with 503 although the database is fine. A database that is down still fails at once (connect error).
  // A checked cast (the types must overlap), not `as unknown`: the PostgreSQL client only adds what SQLite
  // lacks (isolation levels, case-insensitive mode, skipDuplicates), which code typed with Db cannot use.
  const db = new PostgresClient({ adapter, transactionOptions: { maxWait: 15_000 } }) as Db;
  origins.set(db, { provider: "postgresql", url: databaseUrl });
  return db;
}

export function dbOrigin(db: Db): DbOrigin | undefined {
  return origins.get(db);
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
