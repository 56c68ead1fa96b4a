import { z } from "zod";
import { channelSecretConfigField } from "../../crypto/sealed-fields";
import { open, seal } from "../../crypto/secret-box";
import type { TelegramMessage } from "../../templates/render-telegram";
import { randomWebhookName } from "../../webhooks/create-webhook";
import { moveTelegramChat } from "../move-telegram-chat";
import { callBotApi } from "../telegram-bot-api";
import {
  isPrivateChat,
  maskTelegramToken,
  TelegramChatSchema,
  TelegramTokenSchema,
  telegramBotId,
} from "../telegram-settings";
import type { ChannelKindModule, SendDeps } from "./channel-kind";
import { classifyTelegramAnswer, type TelegramAnswer } from "./classify-telegram-answer";
import { renderAs } from "./render-as";

/** Telegram: "avoid sending more than one message per second" to a chat, and 20 a minute to a group. */
export const TELEGRAM_PRIVATE_INTERVAL_MS = 1000;
export const TELEGRAM_GROUP_INTERVAL_MS = 3000;

const TelegramConfig = z.object({
  botToken: z.string().min(1, "no bot token is saved; paste the one @BotFather gave you.").pipe(TelegramTokenSchema),
  chatId: z.string().min(1, "no chat is saved; enter the chat id or use Find my chat.").pipe(TelegramChatSchema),
});
type TelegramConfig = z.infer<typeof TelegramConfig>;

export const telegramKind: ChannelKindModule<TelegramConfig, TelegramMessage, TelegramAnswer> = {
  kind: "telegram",
  label: "Telegram",
  noun: "Telegram",
  format: "telegram",
  form: {
    title: "Telegram notifications",
    blurb: "A bot posts each alert to a Telegram chat, group or channel.",
    fields: [
      {
        name: "botToken",
        label: "Bot token",
        secret: true,
        placeholder: "123456789:AAE…",
        help: "In Telegram: message @BotFather, send /newbot (or /token for an existing bot) and paste the token it gives you.",
      },
      {
        name: "chatId",
        label: "Chat",
        secret: false,
        placeholder: "-1001234567890 or @yourchannel",
        help: "Add the bot to the group or channel (as an admin for channels), send it a message, then use Find my chat.",
        assist: "telegram-find-chat",
      },
    ],
    parts: [
      { part: "title", label: "Title (bold)", rows: 1 },
      { part: "body", label: "Message (Telegram HTML: <b>, <i>, <code>, <a href>…)", rows: 4 },
      { part: "facts", label: "Key facts (one “Label: value” per line)", rows: 5 },
    ],
  },
  // Telegram is a chat app like Slack; it shares Slack's allowance rather than adding a setting of its own.
  monthlyLimit: (env) => env.HOOKBELL_SLACK_MONTHLY_LIMIT,
  defaultName: () => `alerts-${randomWebhookName()}`,
  createFields: z.strictObject({ botToken: TelegramTokenSchema, chatId: TelegramChatSchema }),
  // A blank token keeps the saved one: it is never sent back to the browser to be resubmitted.
  updateFields: z.strictObject({
    botToken: z.union([z.literal(""), TelegramTokenSchema]).optional(),
    chatId: TelegramChatSchema.optional(),
  }),
  fieldLabels: { botToken: "bot token", chatId: "Telegram chat" },
  storeFields(channelId, { botToken, chatId }) {
    // Each field in its own column, so an update that gives one keeps the other as saved.
    return {
      ...(typeof chatId === "string" && chatId ? { config: JSON.stringify({ chatId }) } : {}),
      ...(typeof botToken === "string" && botToken
        ? { secretConfig: seal(JSON.stringify({ botToken }), channelSecretConfigField(channelId)) }
        : {}),
    };
  },
  describeFields: ({ botToken, chatId }) => [
    ...(botToken ? ["new bot token"] : []),
    ...(typeof chatId === "string" && chatId ? [`chat ${chatId}`] : []),
  ],
  showConfig(channel) {
    const { botToken, chatId } = readSaved(channel);
    return { settings: { botToken: botToken ? maskTelegramToken(botToken) : "", chatId } };
  },
  readConfig: readSaved,
  configSchema: TelegramConfig,
  render: renderAs("telegram"),
  // Per bot and chat: Telegram limits what one bot sends to one chat; the bot id is public, the token is not.
  pacing: {
    intervalMs: TELEGRAM_GROUP_INTERVAL_MS,
    intervalFor: (config) => (isPrivateChat(config.chatId) ? TELEGRAM_PRIVATE_INTERVAL_MS : TELEGRAM_GROUP_INTERVAL_MS),
    destination: (config) => `${telegramBotId(config.botToken)}:${config.chatId}`,
  },
  send: sendToTelegram,
  classify: classifyTelegramAnswer,
};

function readSaved(channel: { id: string; config: string | null; secretConfig: string | null }) {
  const config = parseObject(channel.config);
  let botToken = "";
  try {
    if (channel.secretConfig)
      botToken = String(parseObject(open(channel.secretConfig, channelSecretConfigField(channel.id))).botToken ?? "");
  } catch {
    // A token that no longer opens (the key changed without a reseal) reads as missing: the config check says so.
  }
  return { botToken, chatId: typeof config.chatId === "string" ? config.chatId : "" };
}

function parseObject(json: string | null): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * sendMessage to the saved chat. When Telegram says the group became a supergroup (migrate_to_chat_id),
 * the new id is saved on the channel and the message is sent to it once more in the same attempt.
 */
async function sendToTelegram(
  message: TelegramMessage,
  config: TelegramConfig,
  deps: SendDeps,
): Promise<TelegramAnswer> {
  const post = (chatId: string | number) =>
    callBotApi(deps.telegramOrigin, config.botToken, "sendMessage", { chat_id: chatId, ...message });
  const answer = await post(config.chatId);
  const movedTo = answer.kind === "answered" ? answer.reply.parameters?.migrate_to_chat_id : undefined;
  if (movedTo === undefined || !Number.isSafeInteger(movedTo)) return answer;
  await moveTelegramChat(deps.db, deps, config.chatId, String(movedTo));
  return { ...(await post(movedTo)), movedTo: String(movedTo), movedFrom: config.chatId };
}
