import path from "node:path";
import { freePort, type Spawned, spawnServer, tempFolder } from "./processes";
import { BENCH_SECRET, type BenchSender } from "./request-pool";

// The two reference receivers the ingest bench compares Hookbell with, each its own process.

export type Baseline = { server: Spawned; path: string };

/** (a) node:http + the sender's own verify (svix for Clerk) + one better-sqlite3 insert (WAL) per request. */
export async function startBareBaseline(sender: BenchSender = "clerk"): Promise<Baseline> {
  const port = await freePort();
  const dir = tempFolder("bare");
  const server = await spawnServer({
    script: "scripts/bench/bare-server.ts",
    port,
    readyText: "ready",
    env: {
      PORT: String(port),
      CLERK_WEBHOOK_SECRET: BENCH_SECRET,
      BENCH_DB_FILE: path.join(dir, "events.db"),
      BENCH_SENDER: sender,
    },
  });
  return { server, path: `/webhooks/${sender}` };
}

/** (b) Express 5 + svix verify, storing nothing. */
export async function startExpressBaseline(): Promise<Baseline> {
  const port = await freePort();
  const server = await spawnServer({
    script: "scripts/bench/express-server.ts",
    port,
    readyText: "ready",
    env: { PORT: String(port), CLERK_WEBHOOK_SECRET: BENCH_SECRET, NODE_ENV: "production" },
  });
  return { server, path: "/webhooks/clerk" };
}
