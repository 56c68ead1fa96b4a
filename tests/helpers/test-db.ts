import { inject } from "vitest";
import { signUp } from "@/lib/auth/sign-up";
import type { Tenant } from "@/lib/auth/tenant";
import { type Db, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { createTestDatabase } from "./postgres";

/** Whether this run is `npm run test:pg` (every test database on PostgreSQL 15) rather than SQLite. */
export const isPostgresRun = process.env.HOOKBELL_TEST_DATABASE === "postgresql";

/** The test file's migrated database (see setup-env.ts), through the app's own client. */
export async function openTestDb(): Promise<Db> {
  await migrateDatabase(getEnv().DATABASE_URL);
  return getDb();
}

/**
 * DATABASE_URL for an app started on an empty data folder: a new empty PostgreSQL database under
 * `npm run test:pg`; otherwise none, so the app makes its SQLite file in the data folder as `npm start` does.
 */
export async function emptyDatabaseEnv(): Promise<{ DATABASE_URL?: string }> {
  return isPostgresRun ? { DATABASE_URL: await createTestDatabase(inject("postgresServerUrl")) } : {};
}

let accounts = 0;

/** A fresh account with its first project, made through the real sign-up path. */
export async function seedTenant(db: Db, email = `user${++accounts}-${Date.now()}@example.com`): Promise<Tenant> {
  return signUp(db, { email, password: "correct horse battery staple" });
}
