import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./load";

// A throwaway PostgreSQL 15 server (Debian's binaries, which .ci/run installs) in a temporary folder on a
// free loopback port, owned by this test file: it can be stopped and started without touching anything else.

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type TestPostgres = { url: string; stop: () => void; start: () => void; destroy: () => void };

function run(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root; as root, run it as the postgres user the Debian package creates.
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(file, argv, { stdio: "pipe" });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (!existsSync(path.join(BIN, "initdb"))) {
    throw new Error(`PostgreSQL 15 is not installed (${BIN}/initdb missing): apt-get install postgresql`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), "hookbell-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  run(path.join(BIN, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]);
  // Room for a whole suite's test files, app servers and worker processes at once.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400`;
  const start = () =>
    run(path.join(BIN, "pg_ctl"), ["-D", data, "-o", options, "-w", "-l", path.join(dir, "log"), "start"]);
  const stop = () => run(path.join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new empty database on the server at `serverUrl`; returns its URL. Migrations are left to the app's runner. */
export async function createTestDatabase(serverUrl: string, prefix = "hookbell"): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Locks a webhook's row from a connection of its own, as a deletion would: every ingest commit of one of
 * its events updates the row's counters, so it waits until the returned unlock.
 */
export async function lockWebhookRow(databaseUrl: string, webhookId: string): Promise<() => Promise<void>> {
  const locker = new pg.Client({ connectionString: databaseUrl });
  await locker.connect();
  await locker.query("BEGIN");
  await locker.query(`SELECT 1 FROM "Webhook" WHERE "id" = $1 FOR UPDATE`, [webhookId]);
  return async () => {
    await locker.query("ROLLBACK");
    await locker.end();
  };
}
