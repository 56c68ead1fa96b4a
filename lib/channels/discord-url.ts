import { z } from "zod";

// A Discord webhook URL carries its own credential (the token), and it is the only address of the channel,
// so it is held to exactly Discord's shape. Discord's clients hand out discord.com URLs; older ones, the
// canary and PTB clients and some guides use discordapp.com or canary./ptb. hosts, all the same API.
const HOSTS = new Set([
  "discord.com",
  "discordapp.com",
  "canary.discord.com",
  "ptb.discord.com",
  "canary.discordapp.com",
  "ptb.discordapp.com",
]);
// /api/webhooks/{id}/{token}, optionally with an API version (/api/v10/webhooks/…), as Discord documents it.
const WEBHOOK_PATH = /^\/api(?:\/v\d{1,2})?\/webhooks\/(\d{17,20})\/([A-Za-z0-9_-]{20,120})\/?$/;
// Discord also accepts Slack- and GitHub-shaped payloads at these suffixes; Hookbell sends its own embeds.
const OTHER_FORMAT = /^\/api(?:\/v\d{1,2})?\/webhooks\/\d+\/[^/]+\/(slack|github)\/?$/;

export const DISCORD_URL_HELP =
  "Paste the webhook URL from Server Settings → Integrations → Webhooks → Copy Webhook URL: https://discord.com/api/webhooks/…/…";

/** The webhook's id and token, from a URL that passed discordUrlProblem. */
export type DiscordWebhook = { id: string; token: string };

export function discordUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `That is not a URL. ${DISCORD_URL_HELP}`;
  }
  if (url.protocol !== "https:") return `Discord webhook URLs use https. ${DISCORD_URL_HELP}`;
  if (!HOSTS.has(url.hostname)) return `Only discord.com webhook URLs are accepted. ${DISCORD_URL_HELP}`;
  if (url.username || url.password || url.port) return "The URL must not carry a user, password or port.";
  const suffix = OTHER_FORMAT.exec(url.pathname);
  if (suffix) {
    return `Remove “/${suffix[1]}” from the end: that address takes ${suffix[1] === "slack" ? "Slack" : "GitHub"}-shaped messages, and Hookbell sends Discord's own.`;
  }
  if (url.search || url.hash) {
    return `Remove the part after “?” or “#”: Hookbell adds what it needs. ${DISCORD_URL_HELP}`;
  }
  if (!WEBHOOK_PATH.test(url.pathname)) return `That is not a Discord webhook URL. ${DISCORD_URL_HELP}`;
  return null;
}

/** The URL in the one form Hookbell stores: https://discord.com/api/webhooks/{id}/{token}. */
export function canonicalDiscordUrl(value: string): string {
  const { id, token } = parseDiscordUrl(value);
  return `https://discord.com/api/webhooks/${id}/${token}`;
}

export function parseDiscordUrl(value: string): DiscordWebhook {
  const match = WEBHOOK_PATH.exec(new URL(value.trim()).pathname);
  if (!match) throw new Error("Not a Discord webhook URL.");
  return { id: match[1], token: match[2] };
}

export const DiscordUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = discordUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform(canonicalDiscordUrl);

/** Enough of the URL to recognise it after saving, never enough to use it: its id's start, its token's end. */
export function discordUrlHint(url: string): { idStart: string; tokenEnd: string } {
  const { id, token } = parseDiscordUrl(url);
  return { idStart: id.slice(0, 4), tokenEnd: token.slice(-4) };
}

export function maskDiscordUrl(hint: { idStart: string; tokenEnd: string }): string {
  return `https://discord.com/api/webhooks/${hint.idStart}…/…${hint.tokenEnd}`;
}
