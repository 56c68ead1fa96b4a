import { randomUUID } from "node:crypto";
import { field, headerText, withAction } from "../read-fields";
import type { Sender } from "../sender";
import { GITLAB_EVENT_GROUPS, GITLAB_EVENT_HEADERS } from "./gitlab-events";
import { GITLAB_PRESETS } from "./gitlab-presets";
import { sampleGitLabEvent } from "./gitlab-samples";

// GitLab sends the secret token as is in X-Gitlab-Token and signs no time, so there is no replay window.
// Its Idempotency-Key header (GitLab 17, gitlab-org/gitlab!160952; WebHookService#build_headers) is the same
// on every retry and on "Resend request". X-Gitlab-Webhook-UUID is new on each attempt, and
// X-Gitlab-Event-UUID is shared by every hook that one chain of requests fires (recursion detection), so
// neither identifies a delivery. Without Idempotency-Key (an older GitLab) ingest falls back to the body hash:
// GitLab resends the stored body unchanged.

const WHERE = "your project's (or group's) Settings → Webhooks → Edit → Secret token";
const ACCESS_TOKEN_PREFIXES = ["glpat-", "gloas-", "glptt-", "gldt-", "glrt-", "glcbt-"];

export const gitlab: Sender = {
  id: "gitlab",
  name: "GitLab",
  category: "developer",
  keywords: ["git", "ci", "pipelines", "merge requests", "devops", "self-hosted"],
  docsUrl: "https://docs.gitlab.com/user/project/integrations/webhooks/",
  urlHelp: [
    "In GitLab, open the project (or group) and go to Settings → Webhooks, then press Add new webhook.",
    "Paste the Webhook URL above as the URL.",
    "Enter a Secret token (any long random value) and paste the same value here.",
    "Pick the triggers to send (push, merge request, pipeline events…) and press Add webhook.",
  ],
  secret: {
    label: "Secret token",
    placeholder: "The Secret token you entered in GitLab",
    help: `GitLab never shows a saved Secret token again: in ${WHERE}, enter a new value there and the same value here.`,
    check(secret) {
      if (ACCESS_TOKEN_PREFIXES.some((prefix) => secret.startsWith(prefix))) {
        return `That is a GitLab access token (${secret.slice(0, secret.indexOf("-") + 1)}…), not a webhook secret. Choose a random value for the webhook's Secret token under ${WHERE}; never use an access token there.`;
      }
      if (/[\r\n]/.test(secret)) return "GitLab removes line breaks from a Secret token: paste it on one line.";
      return undefined;
    },
  },
  verification: () => ({ scheme: "token", header: "x-gitlab-token" }),
  marks: ["x-gitlab-event", "x-gitlab-token", "x-gitlab-event-uuid"],
  idempotency: "GitLab's Idempotency-Key header (the same on every retry); the body hash where GitLab sends none",
  identify: (request, payload) => {
    // Group member, project and subgroup events name themselves in event_name, with no object_kind.
    const kind = field(payload, "object_kind") ?? field(payload, "event_name");
    const action = field(payload, "object_attributes.action") ?? field(payload, "action");
    return {
      messageId: headerText(request.headers, "idempotency-key"),
      eventType: withAction(kind, action),
      eventObject: kind,
    };
  },
  events: [...GITLAB_EVENT_GROUPS],
  sample: sampleGitLabEvent,
  sampleHeaders: (eventType, messageId) => {
    const kind = eventType.split(".")[0] ?? "";
    return {
      "x-gitlab-event": GITLAB_EVENT_HEADERS[kind] ?? "System Hook",
      "x-gitlab-instance": "https://gitlab.example.com",
      "x-gitlab-webhook-uuid": randomUUID(),
      "x-gitlab-event-uuid": randomUUID(),
      "idempotency-key": messageId,
    };
  },
  presets: GITLAB_PRESETS,
};
