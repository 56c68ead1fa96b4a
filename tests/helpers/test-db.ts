import { signUp } from "@/lib/auth/sign-up";
import type { Tenant } from "@/lib/auth/tenant";
import { type Db, getDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

/** The migrated per-file SQLite database (see setup-env.ts), through the app's own client. */
export async function openTestDb(): Promise<Db> {
  await migrateDatabase(getEnv().DATABASE_URL);
  return getDb();
}

let accounts = 0;

/** A fresh account with its first project, made through the real sign-up path. */
export async function seedTenant(db: Db, email = `user${++accounts}-${Date.now()}@example.com`): Promise<Tenant> {
  return signUp(db, { email, password: "correct horse battery staple" });
}
