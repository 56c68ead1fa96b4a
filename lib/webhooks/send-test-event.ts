import type { Tenant } from "../auth/tenant";
import { webhookSecretField } from "../crypto/sealed-fields";
import { open } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { randomBase62 } from "../ids";
import { EVENT_TYPE_PATTERN } from "../senders/event-type-pattern";
import { INVALID_SETTINGS, readSenderConfig } from "../senders/read-sender-config";
import { schemeFor } from "../senders/schemes/schemes";
import { findSender } from "../senders/senders";
import { webhookUrl } from "./webhook-view";

export type TestEventResult = { svixId: string; status: number; answer: string };

/**
 * Signs a sample event with the webhook's own secret and posts it to the public Webhook URL, so the whole
 * path runs exactly as for a request from the sender: signed the sender's way, with the headers it sends,
 * through verification, the log, the channels and their alerts.
 */
export async function sendTestEvent(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  eventType: string,
): Promise<TestEventResult> {
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, projectId: tenant.projectId } });
  if (!webhook) throw notFound("Webhook");
  if (!webhook.signingSecret || !webhook.isActive) {
    throw new AppError("conflict", "Connect an application, save its signing secret and activate the webhook first.");
  }
  if (!EVENT_TYPE_PATTERN.test(eventType)) {
    throw new AppError("validation_failed", "Choose an event type.");
  }
  const svixId = `msg_test_${randomBase62(22)}`;
  const now = new Date();
  const sender = findSender(webhook.provider) ?? findSender("clerk");
  if (!sender) throw new Error("the Clerk sender is missing from lib/senders/senders.ts");
  const config = readSenderConfig(sender, webhook.senderConfig);
  if (config === INVALID_SETTINGS) {
    throw new AppError("conflict", `This webhook's ${sender.name} settings are incomplete; save them again first.`);
  }
  const verification = sender.verification(config);
  const body = JSON.stringify(sender.sample(eventType, now, config));
  const secret = open(webhook.signingSecret, webhookSecretField(webhook.id, "signingSecret"));
  const signature = schemeFor(verification).sign(body, secret, verification, { id: svixId, now });
  const url = webhookUrl(webhook.id);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Hookbell-Test-Event/1.0",
        ...sender.sampleHeaders?.(eventType, svixId, config),
        ...signature,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new AppError(
      "conflict",
      `Could not reach ${url} (${cause}). Hookbell sends test events through the public Webhook URL: check APP_URL.`,
    );
  }
  const answer = (await response.text()).slice(0, 500);
  return { svixId, status: response.status, answer };
}
