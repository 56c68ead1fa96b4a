import { createGuardedFetch, guardedFetch } from "./guarded-fetch";
import { redactTelegramToken } from "./telegram-settings";

// One call of Telegram's Bot API (https://core.telegram.org/bots/api#making-requests): POST JSON to
// <origin>/bot<token>/<method>, answered with {ok, result} or {ok: false, error_code, description, parameters}.

export const TELEGRAM_ORIGIN = "https://api.telegram.org";
const TIMEOUT_MS = 15_000;
const operatorFetch = createGuardedFetch({ allowPrivate: true });

export type BotApiReply = {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
};

export type BotApiAnswer =
  | { kind: "answered"; status: number; reply: BotApiReply; body: string }
  | { kind: "unreachable"; detail: string };

/**
 * Calls one Bot API method. The real host goes through guardedFetch (public addresses only); only an
 * operator-set origin (a stand-in) may be private. The token is in the URL, so no error from here names it.
 */
export async function callBotApi(
  origin: string | undefined,
  token: string,
  method: string,
  payload: Record<string, unknown>,
): Promise<BotApiAnswer> {
  const base = origin ?? TELEGRAM_ORIGIN;
  const fetchVia = base === TELEGRAM_ORIGIN ? guardedFetch : operatorFetch;
  try {
    const response = await fetchVia(`${base}/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = redactTelegramToken(await response.text(), token);
    return { kind: "answered", status: response.status, reply: parseReply(body), body };
  } catch (error) {
    return { kind: "unreachable", detail: redactTelegramToken(describe(error), token) };
  }
}

function parseReply(body: string): BotApiReply {
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed && typeof parsed === "object" ? (parsed as BotApiReply) : {};
  } catch {
    // A proxy's HTML error page: classified by its status alone.
    return {};
  }
}

function describe(error: unknown): string {
  const { name, code, message, cause } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  if (code === "EADDRNOTPUBLIC") return String(message);
  const detail = cause?.code ?? code ?? cause?.message ?? message ?? String(error);
  return String(detail)
    .slice(0, 300)
    .replace(/https?:\/\/\S+/g, "[url]");
}
