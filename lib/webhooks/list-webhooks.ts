import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { toWebhookView, type WebhookView } from "./webhook-view";

export async function listWebhooks(db: Db, tenant: Tenant): Promise<WebhookView[]> {
  const rows = await db.webhook.findMany({
    where: { projectId: tenant.projectId },
    orderBy: { createdAt: "desc" },
  });
  const now = new Date();
  return rows.map((row) => toWebhookView(row, now));
}
