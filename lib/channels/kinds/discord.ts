import { z } from "zod";
import { channelSecretConfigField } from "../../crypto/sealed-fields";
import { open, seal } from "../../crypto/secret-box";
import type { DiscordMessage } from "../../templates/render-discord";
import { randomWebhookName } from "../../webhooks/create-webhook";
import { DiscordUrlSchema, discordUrlHint, maskDiscordUrl, parseDiscordUrl } from "../discord-url";
import { createGuardedFetch, guardedFetch } from "../guarded-fetch";
import type { ChannelKindModule } from "./channel-kind";
import { classifyDiscordAnswer, type DiscordAnswer } from "./classify-discord-answer";
import { renderAs } from "./render-as";
import { clip } from "./send-result";

const TIMEOUT_MS = 15_000;
const DISCORD_ORIGIN = "https://discord.com";
/** Discord's webhook buckets allow about 5 messages per 2 s; the answer's headers pause us further. */
export const DISCORD_INTERVAL_MS = 500;
const operatorFetch = createGuardedFetch({ allowPrivate: true });

const DiscordConfig = z.object({
  url: z.string().min(1, "no Discord webhook URL is saved; save one in the channel's settings.").pipe(DiscordUrlSchema),
});
type DiscordConfig = z.infer<typeof DiscordConfig>;

const Hint = z.object({ idStart: z.string(), tokenEnd: z.string() });

export const discordKind: ChannelKindModule<DiscordConfig, DiscordMessage, DiscordAnswer> = {
  kind: "discord",
  label: "Discord",
  noun: "Discord",
  format: "discord",
  form: {
    title: "Discord notifications",
    blurb: "Post each alert as a rich embed to a channel of your Discord server.",
    fields: [
      {
        name: "url",
        label: "Webhook URL",
        secret: true,
        placeholder: "https://discord.com/api/webhooks/…/…",
        help: "In Discord: Server Settings → Integrations → Webhooks → New Webhook, pick the channel, then Copy Webhook URL.",
      },
    ],
    parts: [
      { part: "title", label: "Title", rows: 1 },
      { part: "body", label: "Description (Discord markdown)", rows: 4 },
      { part: "facts", label: "Fields (one “Label: value” per line)", rows: 5 },
      { part: "text", label: "Message above the embed (optional)", rows: 2 },
    ],
  },
  // Discord is a chat destination like Slack, with the same allowance per project (counted apart).
  monthlyLimit: (env) => env.HOOKBELL_SLACK_MONTHLY_LIMIT,
  defaultName: () => `alerts-${randomWebhookName()}`,
  createFields: z.strictObject({ url: DiscordUrlSchema }),
  // Left out or blank keeps the saved URL: it is never sent back to the browser to be resubmitted.
  updateFields: z.strictObject({ url: z.union([z.literal(""), DiscordUrlSchema]).optional() }),
  fieldLabels: { url: "Discord webhook URL" },
  storeFields(channelId, { url }) {
    if (typeof url !== "string" || !url) return {};
    // Sealed with the channel's id: a sealed URL copied onto another channel does not open.
    return {
      config: JSON.stringify(discordUrlHint(url)),
      secretConfig: seal(JSON.stringify({ url }), channelSecretConfigField(channelId)),
    };
  },
  describeFields: ({ url }) => (url ? ["new Discord webhook URL"] : []),
  showConfig(channel) {
    const hint = Hint.safeParse(parseJson(channel.config));
    const settings: Record<string, string> = {};
    if (hint.success && channel.secretConfig) settings.url = maskDiscordUrl(hint.data);
    return { settings };
  },
  readConfig(channel) {
    if (!channel.secretConfig) return { url: "" };
    return parseJson(open(channel.secretConfig, channelSecretConfigField(channel.id)));
  },
  configSchema: DiscordConfig,
  render: renderAs("discord"),
  // Discord limits per webhook (its bucket), whatever the channel: channels sharing a webhook share a pace.
  pacing: { intervalMs: DISCORD_INTERVAL_MS, destination: (config) => parseDiscordUrl(config.url).id },
  send: (message, config, deps) => postToDiscord(config.url, message, deps.discordOrigin ?? DISCORD_ORIGIN),
  classify: classifyDiscordAnswer,
};

function parseJson(text: string | null): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * Executes the webhook with ?wait=true: without it Discord answers 204 before it has checked the message,
 * even for one it then drops; with it, 200 and the message it kept. `origin` replaces https://discord.com
 * only for an operator-set stand-in or egress proxy; the saved URL is always a discord.com one.
 */
async function postToDiscord(url: string, message: DiscordMessage, origin: string): Promise<DiscordAnswer> {
  const { id, token } = parseDiscordUrl(url);
  // A discord.com that resolves to a private address is refused at connect time; only the operator's
  // stand-in may be private.
  const fetchVia = origin === DISCORD_ORIGIN ? guardedFetch : operatorFetch;
  try {
    const response = await fetchVia(`${origin}/api/webhooks/${id}/${token}?wait=true`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Hookbell (https://hookbell.dev, 1)" },
      body: JSON.stringify(message),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const header = (name: string) => response.headers.get(name);
    return {
      kind: "answered",
      status: response.status,
      body: await response.text(),
      remaining: header("x-ratelimit-remaining"),
      resetAfter: header("x-ratelimit-reset-after"),
      retryAfter: header("retry-after"),
    };
  } catch (error) {
    return { kind: "unreachable", detail: describe(error, token) };
  }
}

function describe(error: unknown, token: string): string {
  const { name, code, message, cause } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === "TimeoutError" || name === "AbortError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  // The refusal names the host and the address class, never the token in the path.
  if (code === "EADDRNOTPUBLIC") return String(message);
  const detail = cause?.code ?? code ?? cause?.message ?? message ?? String(error);
  // Node's fetch says only "fetch failed"; the cause names the real problem (ECONNREFUSED, redirect, …).
  return clip(String(detail).split(token).join("[token]")).replace(/https?:\/\/\S+/g, "[url]");
}
