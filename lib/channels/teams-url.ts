import { z } from "zod";

// A Workflows webhook URL carries its credential in the `sig` query parameter, and it is the only outbound
// address a user controls here, so it is held to the two shapes Teams' Workflows app hands out: a Logic
// Apps trigger (prod-NN.<region>.logic.azure.com) or a Power Platform one (<env>.environment.api.
// powerplatform.com), https on the default port, the manual trigger's invoke path, a sig.

const LOGIC_HOST = /^prod-\d{1,3}\.[a-z0-9-]{2,40}\.logic\.azure\.com$/;
const LOGIC_PATH = /^\/workflows\/[A-Za-z0-9-]{8,64}\/triggers\/[A-Za-z0-9_-]{1,80}\/paths\/invoke\/?$/;
const PLATFORM_HOST = /^[a-z0-9-]{1,80}(\.[a-z0-9-]{1,40})*\.environment\.api\.powerplatform\.com$/;
const PLATFORM_PATH =
  /^\/powerautomate\/automations\/direct\/workflows\/[A-Za-z0-9-]{8,64}\/triggers\/[A-Za-z0-9_-]{1,80}\/paths\/invoke\/?$/;
const MAX_LENGTH = 2_000;

export const TEAMS_WORKFLOW_STEPS =
  "In Teams, open the channel's ••• menu → Workflows → “Post to a channel when a webhook request is received”, finish the steps, and copy the URL it shows.";
export const TEAMS_URL_HELP =
  "Paste a Teams Workflows webhook URL: https://prod-….logic.azure.com/workflows/…/triggers/manual/paths/invoke?…&sig=… or https://….environment.api.powerplatform.com/powerautomate/automations/direct/workflows/…/triggers/manual/paths/invoke?…&sig=…";

export function teamsUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `That is not a URL. ${TEAMS_URL_HELP}`;
  }
  const host = url.hostname.toLowerCase();
  const isConnector =
    (host.endsWith(".webhook.office.com") && url.pathname.startsWith("/webhookb2/")) ||
    (/^outlook\.office(365)?\.com$/.test(host) && url.pathname.startsWith("/webhook/"));
  if (isConnector) {
    return `That is an Office 365 connector URL, which Microsoft has retired: Teams no longer posts what is sent to it. ${TEAMS_WORKFLOW_STEPS}`;
  }
  if (url.protocol !== "https:") return `Teams Workflows URLs use https. ${TEAMS_URL_HELP}`;
  const shape = LOGIC_HOST.test(host) ? LOGIC_PATH : PLATFORM_HOST.test(host) ? PLATFORM_PATH : null;
  if (!shape) return `Only Teams Workflows URLs are accepted. ${TEAMS_URL_HELP}`;
  if (url.username || url.password || url.port) return "The URL must not carry a user, password or port.";
  if (url.hash || !shape.test(url.pathname)) {
    return `The URL must be a workflow's webhook trigger (…/triggers/manual/paths/invoke). ${TEAMS_URL_HELP}`;
  }
  if (!url.searchParams.get("sig")) {
    return `The URL has lost its sig=… part, which is what lets Hookbell post: copy the whole URL again. ${TEAMS_WORKFLOW_STEPS}`;
  }
  if (value.trim().length > MAX_LENGTH) return `The URL is longer than ${MAX_LENGTH} characters.`;
  return null;
}

export const TeamsUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = teamsUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * What the dashboard shows after saving: the host, the workflow id's first characters and the sig's
 * last four, enough to recognise the URL, not enough to post to it.
 */
export function maskTeamsUrl(value: string): string {
  const url = new URL(value.trim());
  const id = /\/workflows\/([^/]+)/.exec(url.pathname)?.[1] ?? "";
  const sig = url.searchParams.get("sig") ?? "";
  return `https://${url.hostname}/…/workflows/${id.slice(0, 6)}…?…sig=…${sig.slice(-4)}`;
}
