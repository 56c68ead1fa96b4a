import { z } from "zod";
import { clip, type SendResult } from "./send-result";

/** What came back from Discord: its status, body and rate-limit headers, or why nothing came back. */
export type DiscordAnswer =
  | {
      kind: "answered";
      status: number;
      body: string;
      remaining: string | null;
      resetAfter: string | null;
      retryAfter: string | null;
    }
  | { kind: "unreachable"; detail: string };

// Discord's JSON error body: `{ message, code, errors? }`; a 429's: `{ message, retry_after, global }`.
const DiscordError = z.object({
  message: z.string().optional(),
  code: z.number().optional(),
  errors: z.unknown().optional(),
  retry_after: z.number().optional(),
  global: z.boolean().optional(),
});
type DiscordError = z.infer<typeof DiscordError>;

const GONE = "the Discord webhook was deleted or its URL is no longer valid; create a new one and save its URL.";
// Unknown Webhook (10015) and Invalid Webhook Token (50027): sending again can never work, and Discord
// counts every further refused request toward a temporary ban of the sender's address.
const GONE_CODES = new Set([10015, 50027]);
const INVALID_FORM_BODY = 50035;
const MAX_WAIT_MS = 3_600_000;

/**
 * Discord's answer as an outcome, by its documented JSON error code first, then its status. 200 (with
 * ?wait=true, the message kept) is sent; a bucket emptied by this send pauses the webhook until it resets;
 * 429 waits exactly its retry_after; 5xx and network failures retry; other refusals fail for good.
 */
export function classifyDiscordAnswer(answer: DiscordAnswer): SendResult {
  if (answer.kind === "unreachable") return { outcome: "retry", error: `Could not reach Discord: ${answer.detail}` };
  const { status, body } = answer;
  const error = parseError(body);
  if (status >= 200 && status < 300) {
    const id = messageId(body);
    const pauseMs = answer.remaining === "0" ? seconds(answer.resetAfter) : undefined;
    return {
      outcome: "sent",
      statusCode: status,
      response: id ? `Discord kept message ${id}` : clip(body || `Discord answered ${status}`),
      ...(pauseMs ? { pauseMs } : {}),
    };
  }
  const detail = `Discord answered ${status}${body ? ` ${clip(body)}` : ""}`;
  if ((error?.code !== undefined && GONE_CODES.has(error.code)) || status === 404 || status === 401) {
    return { outcome: "failed", statusCode: status, error: `${detail}: ${GONE}` };
  }
  if (status === 429) {
    const retryAfterMs = error?.retry_after !== undefined ? toMs(error.retry_after) : seconds(answer.retryAfter);
    const scope = error?.global ? " (global rate limit: the whole sender is limited, not only this webhook)" : "";
    return { outcome: "retry", statusCode: 429, error: `${detail}: rate limited${scope}`, retryAfterMs };
  }
  if (error?.code === INVALID_FORM_BODY) {
    return {
      outcome: "failed",
      statusCode: status,
      error: `${detail}: Discord refused the message: ${describeErrors(error)}; check the template.`,
    };
  }
  if (status >= 500) return { outcome: "retry", statusCode: status, error: detail };
  if (status === 403) {
    return {
      outcome: "failed",
      statusCode: status,
      error: `${detail}: Discord does not allow this webhook to post; check its channel's permissions.`,
    };
  }
  return { outcome: "failed", statusCode: status, error: `${detail}: Discord refused the message.` };
}

function parseError(body: string): DiscordError | null {
  try {
    const parsed = DiscordError.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function messageId(body: string): string | null {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id;
    return typeof id === "string" && /^\d{1,20}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** 50035's `errors` names each refused field (`embeds.0.description: Must be 4096 or fewer in length.`). */
function describeErrors(error: DiscordError): string {
  const found: string[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (found.length >= 5 || typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record._errors)) {
      const messages = record._errors.map((item) => (item as { message?: string }).message).filter(Boolean);
      found.push(`${path.join(".") || "message"}: ${messages.join(" ")}`);
      return;
    }
    for (const [key, value] of Object.entries(record)) walk(value, [...path, key]);
  };
  walk(error.errors, []);
  return clip(found.length > 0 ? found.join("; ") : (error.message ?? "Invalid Form Body"));
}

function seconds(value: string | null): number | undefined {
  if (value === null) return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? toMs(parsed) : undefined;
}

function toMs(secondsValue: number): number {
  // Discord gives fractional seconds (0.347); rounding up keeps the next try from landing just before it.
  return Math.min(Math.ceil(secondsValue * 1000), MAX_WAIT_MS);
}
