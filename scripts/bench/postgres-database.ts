import { randomBytes } from "node:crypto";
import pg from "pg";
import { onCleanup } from "./processes";

// A fresh, empty PostgreSQL database per Hookbell server in the bench, on the server DATABASE_URL names;
// dropped again afterwards (and on an early exit). The server applies its migrations itself.

export function postgresUrlFromEnv(): string | null {
  const url = process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

export async function createBenchDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `hookbell_bench_${randomBytes(4).toString("hex")}`;
  await admin(baseUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let isDropped = false;
  const drop = async () => {
    if (isDropped) return;
    isDropped = true;
    unregister();
    await admin(baseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  };
  const unregister = onCleanup(drop);
  return { url: url.toString(), drop };
}

async function admin(baseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
