import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { toWebhookView, type WebhookView } from "./webhook-view";

/** Another project's webhook is "not found", exactly like a missing one. */
export async function getWebhook(db: Db, tenant: Tenant, webhookId: string): Promise<WebhookView> {
  const row = await db.webhook.findFirst({ where: { id: webhookId, projectId: tenant.projectId } });
  if (!row) throw notFound("Webhook");
  return toWebhookView(row);
}
