import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";

/** Deletes the webhook and, through the foreign-key cascade, every request logged for it. */
export async function deleteWebhook(db: Db, tenant: Tenant, webhookId: string): Promise<void> {
  const { count } = await db.webhook.deleteMany({ where: { id: webhookId, projectId: tenant.projectId } });
  if (count === 0) throw notFound("Webhook");
}
