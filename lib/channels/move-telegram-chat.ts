import type { Db } from "../db/client";
import { newTimeOrderedId } from "../ids";

/**
 * Saves the supergroup's new id on the channel that sent to the old one (Telegram's migrate_to_chat_id):
 * the group's old id never works again. Only when the channel still names the old chat, so an edit made
 * meanwhile wins; scoped to the delivery's project. The audit log says who changed it: Hookbell.
 */
export async function moveTelegramChat(
  db: Db,
  target: { projectId: string; deliveryId: string },
  from: string,
  to: string,
): Promise<void> {
  const delivery = await db.delivery.findFirst({
    where: { id: target.deliveryId, projectId: target.projectId },
    select: { channel: { select: { id: true, name: true, webhookId: true, config: true } } },
  });
  const channel = delivery?.channel;
  if (!channel || readChatId(channel.config) !== from) return;
  const { count } = await db.channel.updateMany({
    where: { id: channel.id, projectId: target.projectId, config: channel.config },
    data: { config: JSON.stringify({ ...JSON.parse(channel.config ?? "{}"), chatId: to }) },
  });
  if (count === 0) return;
  await db.auditEntry.create({
    data: {
      id: newTimeOrderedId("aud"),
      projectId: target.projectId,
      actorId: null,
      actorEmail: "Hookbell (told by Telegram)",
      action: "channel.saved",
      targetType: "webhook",
      targetId: channel.webhookId,
      summary:
        `Changed Telegram channel “${channel.name}”: the group became a supergroup, chat ${from} is now ${to}.`.slice(
          0,
          500,
        ),
    },
  });
}

function readChatId(config: string | null): string | undefined {
  try {
    const parsed = JSON.parse(config ?? "{}") as { chatId?: unknown };
    return typeof parsed.chatId === "string" ? parsed.chatId : undefined;
  } catch {
    return undefined;
  }
}
