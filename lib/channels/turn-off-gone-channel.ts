import { recordSystemAudit } from "../audit/record-system-audit";
import type { Db } from "../db/client";

export const GONE_REASON = "the endpoint answered 410 Gone; the channel was turned off";

/**
 * A destination that answers 410 Gone says it will never take these messages again (Standard Webhooks:
 * disable the endpoint). The delivery's channel is turned off, scoped by project, with an audit entry, so
 * later alerts are skipped instead of failing one by one; turning it back on is the user's call.
 * Called by a kind's send (the worker has no kind branches); the channel is found through the delivery.
 */
export async function turnOffGoneChannel(db: Db, projectId: string, deliveryId: string): Promise<void> {
  const delivery = await db.delivery.findFirst({
    where: { id: deliveryId, projectId },
    select: { channel: { select: { id: true, name: true, webhookId: true, isEnabled: true } } },
  });
  const channel = delivery?.channel;
  if (!channel?.isEnabled) return;
  await db.$transaction(async (tx) => {
    const { count } = await tx.channel.updateMany({
      where: { id: channel.id, projectId, isEnabled: true },
      data: { isEnabled: false },
    });
    if (count === 0) return;
    await recordSystemAudit(tx, projectId, {
      action: "channel.turned_off",
      targetType: "webhook",
      targetId: channel.webhookId,
      summary: `Signed webhook channel “${channel.name}”: ${GONE_REASON}.`,
    });
  });
}
