import { z } from "zod";

// An incoming-webhook URL is a credential and the only outbound address a user controls, so it is held
// to exactly Slack's shape: https, host hooks.slack.com, no userinfo/port/query, /services/T…/B…/secret.
const SLACK_PATH = /^\/services\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;

export const SLACK_URL_HELP = "Paste a Slack incoming-webhook URL: https://hooks.slack.com/services/T…/B…/…";

export function slackUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `That is not a URL. ${SLACK_URL_HELP}`;
  }
  if (url.protocol !== "https:") return `Slack URLs must use https. ${SLACK_URL_HELP}`;
  if (url.hostname !== "hooks.slack.com") return `Only hooks.slack.com URLs are accepted. ${SLACK_URL_HELP}`;
  if (url.username || url.password || url.port) return `The URL must not carry a user, password or port.`;
  if (url.search || url.hash || !SLACK_PATH.test(url.pathname)) {
    return `The URL must be an incoming webhook under /services/. ${SLACK_URL_HELP}`;
  }
  return null;
}

export const SlackUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = slackUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** What the dashboard shows after saving: enough to recognise the URL, not enough to use it. */
export function maskSlackUrl(hint: string | null): string {
  return `https://hooks.slack.com/services/…${hint ?? ""}`;
}

export function slackUrlHint(url: string): string {
  return url.trim().slice(-4);
}
