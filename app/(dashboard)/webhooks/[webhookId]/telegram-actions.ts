"use server";

import { z } from "zod";
import { requireTenant } from "@/lib/auth/get-tenant";
import { telegramKind } from "@/lib/channels/kinds/telegram";
import { findTelegramChats, type TelegramChat } from "@/lib/channels/telegram-chats";
import { TelegramTokenSchema } from "@/lib/channels/telegram-settings";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError, toUserMessage } from "@/lib/errors";
import { actionId } from "@/lib/server/action-id";

const Input = z.strictObject({
  botToken: z.union([z.literal(""), TelegramTokenSchema]),
  channelId: z.string().optional(),
});

export type FindChatsState = { chats?: TelegramChat[]; error?: string };

/**
 * "Find my chat": the chats that recently wrote to the bot. A blank token on a saved channel uses that
 * channel's saved token, looked up within the tenant's project; the token never comes back to the browser.
 */
export async function findTelegramChatsAction(
  webhookId: string,
  input: { botToken: string; channelId?: string },
): Promise<FindChatsState> {
  const tenant = await requireTenant();
  try {
    const { botToken, channelId } = Input.parse(input);
    let token = botToken;
    if (!token && channelId) {
      const channel = await getDb().channel.findFirst({
        where: {
          id: actionId(channelId),
          webhookId: actionId(webhookId),
          projectId: tenant.projectId,
          kind: "telegram",
        },
      });
      token = channel ? String((telegramKind.readConfig(channel) as { botToken: string }).botToken) : "";
    }
    if (!token)
      throw new AppError("validation_failed", "Paste the bot token first: Find my chat asks Telegram with it.");
    return { chats: await findTelegramChats(token, { telegramOrigin: getEnv().HOOKBELL_TELEGRAM_ORIGIN }) };
  } catch (error) {
    if (error instanceof z.ZodError) return { error: error.issues[0]?.message ?? "Check the bot token." };
    return { error: toUserMessage(error) };
  }
}
