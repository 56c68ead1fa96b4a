import type { BotApiAnswer } from "../telegram-bot-api";
import { clip, type SendResult } from "./send-result";

/** sendMessage's answer, and where the chat moved when Telegram said the group became a supergroup. */
export type TelegramAnswer = BotApiAnswer & { movedTo?: string; movedFrom?: string };

// Telegram's descriptions for a chat the bot cannot post in; retrying cannot help until someone acts.
const CHAT_CLOSED: [RegExp, string][] = [
  [/blocked by the user/i, "the person blocked the bot; they can unblock it in their chat with the bot (Restart)."],
  [/kicked from the (super)?group/i, "the bot was removed from the group; add it to the group again."],
  [/kicked from the channel/i, "the bot was removed from the channel; add it again as an admin."],
  [/not a member/i, "the bot is not a member of that chat; add it (as an admin for a channel)."],
  [/user is deactivated/i, "that Telegram account was deleted; pick another chat."],
  [/not enough rights|have no rights/i, "the bot may not post in that chat; make it an admin who can post messages."],
];

/**
 * Telegram's answer as an outcome: its description decides first, then its error_code. 429 waits exactly
 * parameters.retry_after seconds; 5xx and network failures retry; everything else is for a person to fix.
 */
export function classifyTelegramAnswer(answer: TelegramAnswer): SendResult {
  if (answer.kind === "unreachable") return { outcome: "retry", error: `Could not reach Telegram: ${answer.detail}` };
  const { status, reply } = answer;
  const moved = answer.movedTo
    ? ` The group became a supergroup: the chat id is now ${answer.movedTo} (was ${answer.movedFrom}), saved on the channel.`
    : "";
  if (reply.ok === true && status >= 200 && status < 300) {
    const messageId = (reply.result as { message_id?: unknown } | undefined)?.message_id;
    return {
      outcome: "sent",
      statusCode: status,
      response: clip(`Telegram answered ${status}: ok, message_id ${String(messageId)}.${moved}`),
    };
  }
  const description = reply.description ?? (answer.body.trim() || "no description");
  const detail = `Telegram answered ${status} ${clip(description)}`;
  const failed = (why: string): SendResult => ({
    outcome: "failed",
    statusCode: status,
    error: `${detail}: ${why}${moved}`,
  });
  const code = reply.error_code ?? status;
  if (code === 429) {
    const seconds = Number(reply.parameters?.retry_after);
    return {
      outcome: "retry",
      statusCode: 429,
      error: `${detail} (rate limited)`,
      retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 3600) * 1000 : undefined,
    };
  }
  if (code === 401)
    return failed("the bot token was revoked or is wrong; get it again from @BotFather (/token) and save it.");
  if (code === 404) return failed("Telegram knows no bot with this token; paste the token @BotFather gave you.");
  for (const [pattern, why] of CHAT_CLOSED) if (pattern.test(description)) return failed(why);
  if (/chat not found/i.test(description)) {
    return failed("check the chat id: add the bot to the chat, send it a message, then use Find my chat.");
  }
  if (/can't parse entities/i.test(description))
    return failed("Telegram could not read the message's HTML; check the template.");
  if (reply.parameters?.migrate_to_chat_id !== undefined) {
    return failed("the group became a supergroup and the message to its new id was refused too.");
  }
  if (code >= 500 || status >= 500) return { outcome: "retry", statusCode: status, error: detail };
  return failed(code === 403 ? "the bot may not post in that chat." : "Telegram refused the message.");
}
