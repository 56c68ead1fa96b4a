import { field, headerText, withAction } from "../read-fields";
import type { Sender } from "../sender";
import { GITHUB_EVENT_GROUPS } from "./github-events";
import { GITHUB_PRESETS } from "./github-presets";
import {
  GITHUB_SAMPLE_HOOK_ID,
  GITHUB_SAMPLE_REPOSITORY_ID,
  githubEventName,
  sampleGithubEvent,
} from "./github-samples";

const WHERE = "the repository's Settings → Webhooks → Edit → Secret";

/**
 * GitHub signs the raw body with HMAC-SHA256 in X-Hub-Signature-256 and signs no time, so there is no
 * replay window; X-GitHub-Delivery is the same on a redelivery. The legacy SHA-1 X-Hub-Signature alone is
 * not accepted. A hook set to application/x-www-form-urlencoded posts the JSON in a `payload` field.
 */
export const github: Sender = {
  id: "github",
  name: "GitHub",
  category: "developer",
  keywords: ["git", "repository", "pull request", "issues", "actions", "ci", "code"],
  docsUrl: "https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries",
  urlHelp: [
    "Open the repository (or organization) on GitHub and go to Settings → Webhooks → Add webhook.",
    "Paste the Webhook URL above as the Payload URL; Content type application/json (form-encoded works too).",
    "Type a secret of your own in Secret, paste the same text here, choose the events and press Add webhook.",
  ],
  secret: {
    label: "Webhook secret",
    placeholder: "the text you typed in GitHub's Secret field",
    help: "GitHub's secret is the text you chose: on the repository open Settings → Webhooks, press Edit on the webhook, and set Secret (GitHub never shows it again, so set a new one if it is lost).",
    check: (secret) =>
      secret.trim().length === 0
        ? `Enter the secret set in ${WHERE}; GitHub signs deliveries only when a secret is set there.`
        : undefined,
  },
  verification: () => ({
    scheme: "hmac",
    header: "x-hub-signature-256",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "sha256=",
    toleranceSeconds: null,
  }),
  marks: ["x-github-event", "x-github-delivery", "x-hub-signature-256"],
  idempotency: "the X-GitHub-Delivery header (the same on a redelivery)",
  identify: (request, payload) => {
    const event = headerText(request.headers, "x-github-event");
    return {
      messageId: headerText(request.headers, "x-github-delivery"),
      eventType: withAction(event, field(payload, "action")),
      eventObject: event,
    };
  },
  formEncoded: true,
  events: [...GITHUB_EVENT_GROUPS],
  sample: (eventType, now) => sampleGithubEvent(eventType, now),
  sampleHeaders: (eventType, messageId) => ({
    "X-GitHub-Event": githubEventName(eventType),
    "X-GitHub-Delivery": messageId,
    "X-GitHub-Hook-ID": GITHUB_SAMPLE_HOOK_ID,
    "X-GitHub-Hook-Installation-Target-Type": "repository",
    "X-GitHub-Hook-Installation-Target-ID": GITHUB_SAMPLE_REPOSITORY_ID,
    "User-Agent": "GitHub-Hookshot/2f3c1d4",
  }),
  presets: GITHUB_PRESETS,
};
