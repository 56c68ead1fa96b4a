import { z } from "zod";

// What a Telegram channel is configured with: the bot's token from @BotFather and the chat to post in.

/** `<bot id>:<35 characters>`, as @BotFather hands it out. */
const TOKEN_SHAPE = /^\d{1,20}:[A-Za-z0-9_-]{35}$/;
/** A user's or group's numeric id (groups and channels are negative), or a public channel's @username. */
const CHAT_SHAPE = /^(?:-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/;

export const TelegramTokenSchema = z
  .string()
  .trim()
  .regex(TOKEN_SHAPE, "Paste the token @BotFather gave you (/newbot or /token), like 123456789:AAE…");

export const TelegramChatSchema = z
  .string()
  .trim()
  .regex(
    CHAT_SHAPE,
    "Enter the chat's numeric id (like -1001234567890 or 123456789) or a public channel's @username; Find my chat lists them.",
  );

/** The bot's own id, the part before the colon: public (it is the bot's user id), unlike the rest. */
export function telegramBotId(token: string): string {
  return token.split(":")[0] ?? "";
}

/** What the dashboard and API show of a saved token: its bot id and last four characters. */
export function maskTelegramToken(token: string): string {
  return `${telegramBotId(token)}:…${token.slice(-4)}`;
}

/** Private chats have positive ids; groups, supergroups and channels negative ids or an @username. */
export function isPrivateChat(chatId: string): boolean {
  return /^\d+$/.test(chatId);
}

/** Takes the token out of anything that could be logged or stored: the Bot API puts it in every URL. */
export function redactTelegramToken(text: string, token?: string): string {
  const cleaned = token ? text.split(token).join("[token]") : text;
  return cleaned.replace(/\d{1,20}:[A-Za-z0-9_-]{30,}/g, "[token]");
}
