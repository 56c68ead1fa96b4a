import {
  IncomingWebhook,
  IncomingWebhookHTTPError,
  IncomingWebhookRequestError,
  type IncomingWebhookSendArguments,
} from "@slack/webhook";
import { z } from "zod";
import { slackUrlField } from "../../crypto/sealed-fields";
import { open, seal } from "../../crypto/secret-box";
import { formatSlackChannel } from "../../format/format-slack-channel";
import type { SlackMessage } from "../../templates/render-slack";
import { randomWebhookName } from "../../webhooks/create-webhook";
import { createGuardedFetch, guardedFetch } from "../guarded-fetch";
import { maskSlackUrl, SlackUrlSchema, slackUrlHint } from "../slack-url";
import type { ChannelKindModule } from "./channel-kind";
import { renderAs } from "./render-as";
import { clip, parseRetryAfter, type SendResult } from "./send-result";

const TIMEOUT_MS = 15_000;
const SLACK_ORIGIN = "https://hooks.slack.com";
/** Slack accepts about one message per second per incoming webhook. */
export const SLACK_INTERVAL_MS = 1000;
const operatorFetch = createGuardedFetch({ allowPrivate: true });

const SlackConfig = z.object({
  url: z.string().min(1, "no Slack URL is saved; save one in the channel's settings.").pipe(SlackUrlSchema),
});
type SlackConfig = z.infer<typeof SlackConfig>;

/** A name for a Slack channel created without one (the dashboard suggests it too). */
export function randomSlackChannelName(): string {
  return `alerts-${randomWebhookName()}`;
}

/** What came back from Slack: its status and plain-text body, or why nothing came back. */
export type SlackAnswer =
  | { kind: "answered"; status: number; body: string; retryAfter: string | null }
  | { kind: "unreachable"; detail: string };

export const slackKind: ChannelKindModule<SlackConfig, SlackMessage, SlackAnswer> = {
  kind: "slack",
  label: "Slack",
  noun: "Slack",
  format: "slack",
  form: {
    title: "Slack notifications",
    blurb: "For team awareness. Three times the email limit.",
    fields: [
      {
        name: "slackUrl",
        label: "Slack webhook URL",
        secret: true,
        placeholder: "https://hooks.slack.com/services/…",
        help: "In Slack: Apps → Incoming Webhooks → Add New Webhook to Workspace, then copy the URL.",
      },
    ],
    parts: [
      { part: "title", label: "Header (plain text)", rows: 1 },
      { part: "body", label: "Message (Slack mrkdwn)", rows: 8 },
      { part: "facts", label: "Key facts (one Label: value per line)", rows: 4 },
      { part: "text", label: "Notification text (blank: the message)", rows: 2 },
    ],
    displayName: "slack-channel",
  },
  monthlyLimit: (env) => env.HOOKBELL_SLACK_MONTHLY_LIMIT,
  defaultName: randomSlackChannelName,
  createFields: z.strictObject({ slackUrl: SlackUrlSchema }),
  // Left out or blank keeps the saved URL: it is never sent back to the browser to be resubmitted.
  updateFields: z.strictObject({ slackUrl: z.union([z.literal(""), SlackUrlSchema]).optional() }),
  fieldLabels: { slackUrl: "Slack URL" },
  storeFields(channelId, { slackUrl }) {
    if (typeof slackUrl !== "string" || !slackUrl) return {};
    // Sealed with the channel's id: a sealed URL copied onto another channel does not open.
    return { slackUrl: seal(slackUrl, slackUrlField(channelId)), slackUrlHint: slackUrlHint(slackUrl) };
  },
  describeFields: ({ slackUrl }) => (slackUrl ? ["new Slack URL"] : []),
  describeName: (name) => `channel ${formatSlackChannel(name)}`,
  showConfig(channel) {
    const slackUrlMasked = channel.slackUrl ? maskSlackUrl(channel.slackUrlHint) : null;
    return { slackUrlMasked, settings: slackUrlMasked ? { slackUrl: slackUrlMasked } : ({} as Record<string, string>) };
  },
  readConfig(channel) {
    return { url: channel.slackUrl ? open(channel.slackUrl, slackUrlField(channel.id)) : "" };
  },
  configSchema: SlackConfig,
  render: renderAs("slack"),
  // Paced by the URL itself (not its ciphertext, which differs per save): channels sharing a URL share a pace.
  pacing: { intervalMs: SLACK_INTERVAL_MS, destination: (config) => config.url },
  send: (message, config, deps) => postToSlack(config.url, message, deps.slackOrigin),
  classify: classifySlackAnswer,
};

/**
 * Posts one message with @slack/webhook. `origin` replaces https://hooks.slack.com only when a test or an
 * egress proxy stands in for Slack; the saved URL itself is always a hooks.slack.com URL.
 */
async function postToSlack(url: string, message: SlackMessage, origin: string): Promise<SlackAnswer> {
  const destination = `${origin}${new URL(url).pathname}`;
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
    return { kind: "answered", status: 200, body: result.text, retryAfter };
  } catch (error) {
    if (error instanceof IncomingWebhookHTTPError) {
      return { kind: "answered", status: error.statusCode, body: error.body ?? "", retryAfter };
    }
    const cause = error instanceof IncomingWebhookRequestError ? error.original : error;
    return { kind: "unreachable", detail: describe(cause) };
  }
}

// Slack's plain-text error codes for incoming webhooks. These mean the webhook or its channel is gone or
// closed to us: retrying cannot help until someone changes something in Slack.
const DESTINATION_GONE: Record<string, string> = {
  no_service: "the incoming webhook was removed or disabled in Slack; create a new one and save its URL.",
  invalid_token: "the incoming webhook was removed or disabled in Slack; create a new one and save its URL.",
  no_active_hooks: "the incoming webhook was removed or disabled in Slack; create a new one and save its URL.",
  no_team: "the Slack workspace no longer exists; create a webhook in another workspace and save its URL.",
  team_disabled: "the Slack workspace is disabled; create a webhook in another workspace and save its URL.",
  channel_not_found: "the Slack channel was deleted; create a webhook for another channel and save its URL.",
  channel_is_archived: "the Slack channel is archived; unarchive it, or create a webhook for another channel.",
  action_prohibited: "a Slack admin restricted posting to this channel; ask them, or pick another channel.",
  posting_to_general_channel_denied:
    "only some members may post to this workspace's general channel; pick another channel for the webhook.",
};
// Slack refused this message, not the URL: the next alert, or a corrected template, may go through.
const MESSAGE_REFUSED = new Set(["invalid_payload", "invalid_blocks", "invalid_blocks_format", "no_text"]);
// Slack's documented statuses for refusals that retrying cannot fix, whatever the code in the body.
const PERMANENT_STATUSES = new Set([400, 403, 404, 410]);

/**
 * Slack's answer as an outcome. The code in the body decides first (Slack documents it per error), then
 * the status: 429 waits as long as Retry-After says, 5xx (rollup_error) and network failures retry.
 */
export function classifySlackAnswer(answer: SlackAnswer): SendResult {
  if (answer.kind === "unreachable") return { outcome: "retry", error: `Could not reach Slack: ${answer.detail}` };
  const { status, body } = answer;
  if (status >= 200 && status < 300) return { outcome: "sent", statusCode: status, response: clip(body) };
  const detail = `Slack answered ${status}${body ? ` ${clip(body)}` : ""}`;
  const code = body.trim();
  if (Object.hasOwn(DESTINATION_GONE, code)) {
    return { outcome: "failed", statusCode: status, error: `${detail}: ${DESTINATION_GONE[code]}` };
  }
  if (MESSAGE_REFUSED.has(code)) {
    return {
      outcome: "failed",
      statusCode: status,
      error: `${detail}: Slack refused the message; check the template.`,
    };
  }
  if (status === 429) {
    return {
      outcome: "retry",
      statusCode: 429,
      error: `${detail} (rate limited)`,
      retryAfterMs: parseRetryAfter(answer.retryAfter),
    };
  }
  if (PERMANENT_STATUSES.has(status)) {
    return {
      outcome: "failed",
      statusCode: status,
      error: `${detail}: Slack will not accept messages at this URL; check the channel.`,
    };
  }
  return { outcome: "retry", statusCode: status, error: detail };
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
