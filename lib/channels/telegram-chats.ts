import { AppError } from "../errors";
import type { ChannelSettings } from "./kinds/channel-kind";
import { callBotApi } from "./telegram-bot-api";

/** A chat that recently wrote to the bot or added it, as "Find my chat" lists it. */
export type TelegramChat = { id: string; type: string; title: string };

type Chat = { id?: number; type?: string; title?: string; username?: string; first_name?: string; last_name?: string };
type Update = { update_id?: number } & Record<string, { chat?: Chat } | undefined>;

const CHAT_UPDATES = ["message", "edited_message", "channel_post", "edited_channel_post", "my_chat_member"];

/**
 * The distinct chats in the bot's pending updates (getUpdates), newest first, so nobody hunts for a
 * numeric id. No offset is passed: Telegram keeps the updates, and the bot's own use of them is untouched.
 */
export async function findTelegramChats(
  token: string,
  settings: Pick<ChannelSettings, "telegramOrigin">,
): Promise<TelegramChat[]> {
  const answer = await callBotApi(settings.telegramOrigin, token, "getUpdates", {
    limit: 100,
    allowed_updates: CHAT_UPDATES,
  });
  if (answer.kind === "unreachable") throw new AppError("bad_request", `Could not reach Telegram: ${answer.detail}`);
  const { status, reply } = answer;
  if (status === 401 || status === 404) {
    throw new AppError(
      "validation_failed",
      "Telegram does not know this bot token; paste the one @BotFather gave you.",
    );
  }
  if (status === 409) {
    throw new AppError(
      "conflict",
      "This bot has a webhook set, so Telegram keeps its messages from Find my chat; enter the chat id yourself, or remove the bot's webhook (deleteWebhook).",
    );
  }
  if (reply.ok !== true || !Array.isArray(reply.result)) {
    throw new AppError("bad_request", `Telegram answered ${status} ${reply.description ?? ""}`.trim());
  }
  const chats = new Map<string, TelegramChat>();
  for (const update of [...(reply.result as Update[])].reverse()) {
    for (const key of CHAT_UPDATES) {
      const chat = update[key]?.chat;
      if (chat?.id === undefined || chats.has(String(chat.id))) continue;
      chats.set(String(chat.id), { id: String(chat.id), type: chat.type ?? "chat", title: nameOf(chat) });
    }
  }
  return [...chats.values()];
}

function nameOf(chat: Chat): string {
  const name = chat.title ?? [chat.first_name, chat.last_name].filter(Boolean).join(" ");
  const handle = chat.username ? `@${chat.username}` : "";
  return [name, handle].filter(Boolean).join(" ") || String(chat.id);
}
