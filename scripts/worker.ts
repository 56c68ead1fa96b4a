// `npm run worker`: a delivery worker as its own process, for running senders apart from the dashboard.
import nextEnv from "@next/env";
import { ensureKeyFile } from "../lib/crypto/key-ring";
import { getDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { describeEmailMode, startWorkerFromEnv } from "../lib/delivery/start-worker-from-env";
import { EnvError, getEnv } from "../lib/env";
import { createLogger } from "../lib/logging/create-logger";
import { routeConsoleToLogger } from "../lib/logging/route-console-to-logger";
import { startRetentionJob } from "../lib/retention/start-retention-job";
import { prepareDataDir } from "../lib/server/prepare-data-dir";

const logger = createLogger("worker");
const log = (line: string) => logger.info(line);
routeConsoleToLogger("worker");

async function main() {
  nextEnv.loadEnvConfig(process.cwd(), false);
  const env = getEnv();
  // The same private data folder as `npm start` makes: a worker may be the first to start on it.
  prepareDataDir(env.HOOKBELL_DATA_DIR, env.DATABASE_URL);
  await migrateDatabase(env.DATABASE_URL);
  ensureKeyFile(env.HOOKBELL_DATA_DIR, log);
  const worker = startWorkerFromEnv();
  startRetentionJob(getDb(), log);
  log(`Worker ready: ${env.databaseProvider} database, ${describeEmailMode()}, pid ${process.pid}.`);
  const shutdown = (signal: string) => {
    log(`${signal} received; finishing the alerts in progress.`);
    // Sends unfinished after the grace period keep their lease, which expires and is taken over.
    setTimeout(() => process.exit(0), env.HOOKBELL_SHUTDOWN_GRACE_SECONDS * 1000).unref();
    void worker.stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  if (error instanceof EnvError) logger.error(error.message);
  else logger.error("failed to start", { err: error });
  process.exit(1);
});
