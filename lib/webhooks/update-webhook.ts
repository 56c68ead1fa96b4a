import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { announceWebhookChange } from "../ingest/webhook-cache";
import { getWebhook } from "./get-webhook";
import { ENVIRONMENT_MAX_LENGTH, NAME_MAX_LENGTH } from "./webhook-limits";
import type { WebhookView } from "./webhook-view";

export const WebhookNameSchema = z
  .string()
  .trim()
  .min(1, "Give the webhook a name.")
  .max(NAME_MAX_LENGTH, {
    error: (issue) =>
      `Keep the name to ${NAME_MAX_LENGTH} characters or fewer. This one has ${String(issue.input).length}.`,
  });

export const EnvironmentSchema = z
  .string()
  .trim()
  .min(1, "Give the environment a label, e.g. production or test.")
  .max(ENVIRONMENT_MAX_LENGTH, {
    error: (issue) =>
      `Keep the environment label to ${ENVIRONMENT_MAX_LENGTH} characters or fewer. This one has ${String(issue.input).length}.`,
  })
  .regex(/^[\p{L}\p{N} ._-]+$/u, "Use letters, digits, spaces, dots, dashes or underscores in the environment label.");

/** Name and environment label together, as the webhook page saves them. */
export async function updateWebhookDetails(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  input: { name: string; environment: string },
): Promise<WebhookView> {
  const data = { name: WebhookNameSchema.parse(input.name), environment: EnvironmentSchema.parse(input.environment) };
  const { count } = await db.webhook.updateMany({ where: { id: webhookId, projectId: tenant.projectId }, data });
  if (count === 0) throw notFound("Webhook");
  await recordAudit(db, tenant, {
    action: "webhook.updated",
    targetType: "webhook",
    targetId: webhookId,
    summary: `Named the webhook “${data.name}”, environment “${data.environment}”.`,
  });
  return getWebhook(db, tenant, webhookId);
}

export async function renameWebhook(db: Db, tenant: Tenant, webhookId: string, name: string): Promise<WebhookView> {
  const parsed = WebhookNameSchema.parse(name);
  const { count } = await db.webhook.updateMany({
    where: { id: webhookId, projectId: tenant.projectId },
    data: { name: parsed },
  });
  if (count === 0) throw notFound("Webhook");
  return getWebhook(db, tenant, webhookId);
}

/** Reactivating needs a saved secret: an active webhook without one could verify nothing. */
export async function setWebhookActive(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  isActive: boolean,
): Promise<WebhookView> {
  const row = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { signingSecret: true },
  });
  if (!row) throw notFound("Webhook");
  if (isActive && !row.signingSecret) {
    throw new AppError("conflict", "Connect an application and save its signing secret before activating.");
  }
  await db.webhook.updateMany({ where: { id: webhookId, projectId: tenant.projectId }, data: { isActive } });
  announceWebhookChange(webhookId);
  await recordAudit(db, tenant, {
    action: isActive ? "webhook.activated" : "webhook.deactivated",
    targetType: "webhook",
    targetId: webhookId,
    summary: isActive ? "Activated the webhook." : "Deactivated the webhook: its URL refuses requests.",
  });
  return getWebhook(db, tenant, webhookId);
}
