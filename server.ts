// `npm start`: prepares the data folder and database, builds the dashboard if needed, and serves it.
import nextEnv from "@next/env";
import { ensureKeyFile } from "./lib/crypto/key-ring";
import { resealSecrets } from "./lib/crypto/reseal-secrets";
import { getDb } from "./lib/db/client";
import { migrateDatabase } from "./lib/db/migrate";
import type { DeliveryWorker } from "./lib/delivery/delivery-worker";
import { describeEmailMode, startWorkerFromEnv } from "./lib/delivery/start-worker-from-env";
import { EnvError, getEnv, resetEnvForTests } from "./lib/env";
import { createLogger } from "./lib/logging/create-logger";
import { routeConsoleToLogger } from "./lib/logging/route-console-to-logger";
import { startRetentionJob } from "./lib/retention/start-retention-job";
import { buildIfNeeded } from "./lib/server/build-if-needed";
import { createFrontServer } from "./lib/server/create-front-server";
import { loadOrCreateAuthSecret, prepareDataDir } from "./lib/server/prepare-data-dir";
import { securityHeaders } from "./lib/server/security-headers";
import { startDashboardThread } from "./lib/server/start-dashboard-thread";

const logger = createLogger("server");
const log = (line: string) => logger.info(line);
routeConsoleToLogger("server");

async function main() {
  const isDev = process.env.HOOKBELL_DEV === "1";
  // An optional .env / .env.local is read before validation; real environment variables win.
  nextEnv.loadEnvConfig(process.cwd(), isDev);
  let env = getEnv();
  // Before anything is written there: personal data, password hashes and keys are this user's alone.
  prepareDataDir(env.HOOKBELL_DATA_DIR, env.DATABASE_URL);
  // next-auth reads these two from the process environment.
  process.env.NEXTAUTH_SECRET = loadOrCreateAuthSecret(env.HOOKBELL_DATA_DIR, env.NEXTAUTH_SECRET, log);
  process.env.NEXTAUTH_URL = env.APP_URL;
  resetEnvForTests();
  env = getEnv();

  const applied = await migrateDatabase(env.DATABASE_URL);
  log(
    `Database: ${env.databaseProvider}${applied.length ? `, applied migrations ${applied.join(", ")}` : ", up to date"}.`,
  );
  ensureKeyFile(env.HOOKBELL_DATA_DIR, log);
  const resealed = await resealSecrets(getDb());
  if (resealed > 0) log(`Encrypted ${resealed} stored secret(s) with the current key.`);

  const root = process.cwd();
  if (!isDev) buildIfNeeded(root, createLogger("build"));

  // The dashboard (Next.js) runs on a thread of its own; this thread serves ingest, health and the
  // delivery worker, free of the per-request cost Next's process-wide hooks would add to them.
  const dashboard = await startDashboardThread(
    { isDev, dir: root, hostname: env.HOST, port: env.PORT, dataDir: env.HOOKBELL_DATA_DIR, appUrl: env.APP_URL },
    (reason) => {
      logger.error(`${reason}; exiting.`);
      process.exit(1);
    },
  );
  const state = { isDraining: false };
  const server = createFrontServer({
    db: getDb(),
    dashboardSocket: dashboard.socketPath,
    headers: securityHeaders(env.APP_URL, isDev),
    state,
    isDev,
  });
  let worker: DeliveryWorker | undefined;
  if (env.HOOKBELL_EMBEDDED_WORKER === "on") {
    worker = startWorkerFromEnv();
    startRetentionJob(getDb(), log);
    log(`Delivery worker running in this process (${describeEmailMode()}).`);
  } else {
    log("Embedded delivery worker off (HOOKBELL_EMBEDDED_WORKER=off): run `npm run worker` to send alerts.");
  }
  server.listen(env.PORT, env.HOST, () => {
    log(`Dashboard ready on ${env.APP_URL} (listening on ${env.HOST}:${env.PORT}).`);
  });

  const shutdown = (signal: string) => {
    if (state.isDraining) {
      log(`${signal} received again: exiting now.`);
      process.exit(1);
    }
    state.isDraining = true;
    log(`${signal} received: no new connections; finishing requests in progress and alerts being sent.`);
    // Sends still unfinished after the grace period keep their lease, which expires and lets another
    // worker take them over: an alert is never dropped, and never sent twice at the same time.
    setTimeout(() => {
      log(`Still busy after ${env.HOOKBELL_SHUTDOWN_GRACE_SECONDS} s; exiting.`);
      process.exit(0);
    }, env.HOOKBELL_SHUTDOWN_GRACE_SECONDS * 1000).unref();
    // Requests in progress are answered (their events committed first); idle keep-alive connections close.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // The dev server's hot-reload connection never goes idle.
    if (isDev) server.closeAllConnections();
    void Promise.all([closed.then(() => dashboard.stop()), worker?.stop()]).finally(() => {
      log("Shut down cleanly.");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  if (error instanceof EnvError) {
    logger.error(error.message);
  } else {
    logger.error("failed to start", { err: error });
  }
  process.exit(1);
});
