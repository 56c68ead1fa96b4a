import {
  IncomingWebhook,
  IncomingWebhookHTTPError,
  IncomingWebhookRequestError,
  type IncomingWebhookSendArguments,
} from "@slack/webhook";
import type { SlackMessage } from "../templates/render-slack";
import { createGuardedFetch, guardedFetch } from "./guarded-fetch";
import type { SendResult } from "./send-result";
import { clip } from "./send-result";

const TIMEOUT_MS = 15_000;
const SLACK_ORIGIN = "https://hooks.slack.com";
const operatorFetch = createGuardedFetch({ allowPrivate: true });
// Slack's documented answers that retrying cannot fix (the channel needs the user's attention).
const PERMANENT = new Set([400, 403, 404, 410]);

/**
 * Posts one message with @slack/webhook. `origin` replaces https://hooks.slack.com only when a test or an
 * egress proxy stands in for Slack; the saved URL itself is always a hooks.slack.com URL.
 */
export async function sendSlack(url: string, message: SlackMessage, origin: string): Promise<SendResult> {
  const target = new URL(url);
  const destination = `${origin}${target.pathname}`;
  let retryAfter: string | null = null;
  // Every connection is checked at connect time: a hooks.slack.com that resolves to a private, loopback
  // or link-local address is refused. Only an operator-set origin (a test stand-in or egress proxy) may
  // be private.
  const fetchVia = origin === SLACK_ORIGIN ? guardedFetch : operatorFetch;
  const webhook = new IncomingWebhook(destination, {
    timeout: TIMEOUT_MS,
    // The library hides response headers; Slack's Retry-After is read on the way through.
    fetch: async (input, init) => {
      const response = await fetchVia(input as string, { ...init, redirect: "error" });
      retryAfter = response.headers.get("retry-after");
      return response;
    },
  });
  try {
    // Block Kit is built in code by renderSlack; its shape is Slack's, typed loosely there.
    const result = await webhook.send(message as unknown as IncomingWebhookSendArguments);
    return { outcome: "sent", statusCode: 200, response: clip(result.text) };
  } catch (error) {
    if (error instanceof IncomingWebhookHTTPError) {
      const detail = `Slack answered ${error.statusCode}${error.body ? ` ${clip(error.body)}` : ""}`;
      if (error.statusCode === 429) {
        return {
          outcome: "retry",
          statusCode: 429,
          error: `${detail} (rate limited)`,
          retryAfterMs: parseRetryAfter(retryAfter),
        };
      }
      if (PERMANENT.has(error.statusCode)) {
        return { outcome: "failed", statusCode: error.statusCode, error: `${detail}: ${permanentHint(error.body)}` };
      }
      return { outcome: "retry", statusCode: error.statusCode, error: detail };
    }
    const cause = error instanceof IncomingWebhookRequestError ? error.original : error;
    return { outcome: "retry", error: `Could not reach Slack: ${describe(cause)}` };
  }
}

function permanentHint(body: string): string {
  if (/invalid_payload|no_text/.test(body)) return "Slack refused the message; check the template.";
  if (/channel_is_archived/.test(body)) return "the Slack channel is archived.";
  if (/no_service|channel_not_found|invalid_token|action_prohibited/.test(body)) {
    return "the incoming webhook was removed or disabled in Slack; create a new one and save its URL.";
  }
  return "Slack will not accept messages at this URL; check the channel.";
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - Date.now(), 3_600_000));
}

function describe(error: unknown): string {
  const { name, code, message, cause } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  // The refusal names the host and the address class, never the secret path.
  if (code === "EADDRNOTPUBLIC") return String(message);
  const detail = cause?.code ?? code ?? cause?.message ?? message ?? String(error);
  // Node's fetch says only "fetch failed"; the cause names the real problem (ECONNREFUSED, redirect, …).
  return clip(String(detail)).replace(/https?:\/\/\S+/g, "[url]");
}
