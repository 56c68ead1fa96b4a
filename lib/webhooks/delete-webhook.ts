import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { formatCount } from "../format/format-count";
import { announceWebhookChange } from "../ingest/webhook-cache";

/** Deletes the webhook and, through the foreign-key cascade, every request logged for it. */
export async function deleteWebhook(db: Db, tenant: Tenant, webhookId: string): Promise<void> {
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { name: true, eventCount: true },
  });
  const { count } = await db.webhook.deleteMany({ where: { id: webhookId, projectId: tenant.projectId } });
  if (count === 0 || !webhook) throw notFound("Webhook");
  announceWebhookChange(webhookId);
  await recordAudit(db, tenant, {
    action: "webhook.deleted",
    targetType: "webhook",
    targetId: webhookId,
    summary: `Deleted webhook “${webhook.name}” and its ${formatCount(webhook.eventCount, "logged event")}.`,
  });
}
