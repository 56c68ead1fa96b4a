import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";

/** Turning a channel off keeps its recipients, URL, template and filter for when it is turned back on. */
export async function setChannelEnabled(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  kind: string,
  isEnabled: boolean,
): Promise<void> {
  const { count } = await db.channel.updateMany({
    where: { webhookId, kind, projectId: tenant.projectId },
    data: { isEnabled },
  });
  if (count === 0) throw notFound("Channel");
  await recordAudit(db, tenant, {
    action: isEnabled ? "channel.turned_on" : "channel.turned_off",
    targetType: "webhook",
    targetId: webhookId,
    summary: `Turned ${kind === "slack" ? "Slack" : "email"} notifications ${isEnabled ? "on" : "off"}.`,
  });
}
