import { getDb } from "../db/client";
import { getEnv } from "../env";
import { type DeliveryWorker, startDeliveryWorker } from "./delivery-worker";

/** The worker as `npm start` and `npm run worker` run it, configured from the environment. */
export function startWorkerFromEnv(): DeliveryWorker {
  const env = getEnv();
  return startDeliveryWorker(getDb(), {
    smtpUrl: env.SMTP_URL,
    smtpFrom: env.SMTP_FROM,
    slackOrigin: env.HOOKBELL_SLACK_ORIGIN,
    leaseMs: env.HOOKBELL_WORKER_LEASE_SECONDS * 1000,
  });
}

export function describeEmailMode(): string {
  const smtp = getEnv().SMTP_URL;
  if (!smtp) return "no SMTP server configured, email alerts go to the Dev mailbox";
  const { protocol, hostname, port } = new URL(smtp);
  return `email via ${protocol}//${hostname}${port ? `:${port}` : ""}`;
}
