import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { channelKindFor } from "./kinds/channel-kinds";

/**
 * Deletes a channel with its configuration and, through the foreign-key cascade, its alerts' history.
 * Turning a channel off (setChannelEnabled) is the way to pause it and keep both.
 */
export async function deleteChannel(db: Db, tenant: Tenant, webhookId: string, channelId: string): Promise<void> {
  const channel = await db.channel.findFirst({
    where: { id: channelId, webhookId, projectId: tenant.projectId },
    select: { kind: true, name: true },
  });
  if (!channel) throw notFound("Channel");
  await db.channel.deleteMany({ where: { id: channelId, webhookId, projectId: tenant.projectId } });
  await recordAudit(db, tenant, {
    action: "channel.deleted",
    targetType: "webhook",
    targetId: webhookId,
    summary: `Deleted ${channelKindFor(channel.kind)?.noun ?? channel.kind} channel “${channel.name}” and its alert history.`,
  });
}
