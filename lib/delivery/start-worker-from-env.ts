import { getDb } from "../db/client";
import { getEnv } from "../env";
import { type DeliveryWorker, startDeliveryWorker } from "./delivery-worker";
import { listenForWork } from "./listen-for-work";

/**
 * The worker as `npm start` and `npm run worker` run it, configured from the environment. On PostgreSQL
 * it also listens for work announced by other processes.
 */
export function startWorkerFromEnv(): DeliveryWorker {
  const env = getEnv();
  const worker = startDeliveryWorker(getDb(), {
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    slackOrigin: env.HOOKBELL_SLACK_ORIGIN,
    discordOrigin: env.HOOKBELL_DISCORD_ORIGIN,
    teamsOrigin: env.HOOKBELL_TEAMS_ORIGIN,
    telegramOrigin: env.HOOKBELL_TELEGRAM_ORIGIN,
    forwardAllowPrivate: env.HOOKBELL_FORWARD_ALLOW_PRIVATE === "on",
    leaseMs: env.HOOKBELL_WORKER_LEASE_SECONDS * 1000,
    pollMs: env.HOOKBELL_WORKER_POLL_SECONDS * 1000,
  });
  if (env.databaseProvider !== "postgresql") return worker;
  const listener = listenForWork(env.DATABASE_URL);
  return {
    ...worker,
    async stop() {
      await listener.close();
      await worker.stop();
    },
  };
}

export function describeEmailMode(): string {
  const smtp = getEnv().SMTP_URL;
  if (!smtp) return "no SMTP server configured, email alerts go to the Dev mailbox";
  const { protocol, hostname, port } = new URL(smtp);
  return `email via ${protocol}//${hostname}${port ? `:${port}` : ""}`;
}
