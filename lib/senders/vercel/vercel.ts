import { field } from "../read-fields";
import type { Sender } from "../sender";
import { VERCEL_EVENT_GROUPS } from "./vercel-events";
import { VERCEL_PRESETS } from "./vercel-presets";
import { sampleVercelEvent } from "./vercel-samples";

/**
 * Vercel signs the raw body with HMAC-SHA1, hex, in x-vercel-signature, and signs no time (the body's
 * createdAt is not checked: Vercel states no window), so there is no replay window. The body's `id` is the
 * delivery id. Account webhooks use the secret shown when the webhook is created; an integration's
 * webhooks use its Client Secret.
 */
export const vercel: Sender = {
  id: "vercel",
  name: "Vercel",
  category: "developer",
  keywords: ["deployments", "hosting", "next.js", "preview", "ci"],
  docsUrl: "https://vercel.com/docs/webhooks",
  urlHelp: [
    "In the Vercel dashboard open your team's Settings → Webhooks (Pro and Enterprise plans) and press Create Webhook.",
    "Choose the events and the projects, paste the Webhook URL above as the Endpoint, and press Create Webhook.",
    "For an integration's webhooks, paste the URL in the Integration Console's Webhook URL field instead.",
  ],
  secret: {
    label: "Webhook secret",
    placeholder: "the secret Vercel showed after Create Webhook",
    help: "Vercel shows the webhook's secret once, in the dialog right after you press Create Webhook in Team Settings → Webhooks (if it is lost, create the webhook again). An integration's webhooks are signed with its Client Secret, in the Integration Console.",
    check: (secret) =>
      secret.trim().length === 0
        ? "Paste the secret Vercel showed when the webhook was created (Team Settings → Webhooks), or the integration's Client Secret."
        : undefined,
  },
  verification: () => ({
    scheme: "hmac",
    header: "x-vercel-signature",
    algorithm: "sha1",
    encoding: "hex",
    prefix: "",
    toleranceSeconds: null,
  }),
  marks: ["x-vercel-signature"],
  idempotency: "Vercel's delivery id (the body's id)",
  identify: (_request, payload) => {
    const type = field(payload, "type");
    return {
      messageId: field(payload, "id"),
      eventType: type,
      eventObject: type?.split(".")[0] ?? null,
    };
  },
  events: [...VERCEL_EVENT_GROUPS],
  sample: (eventType, now) => sampleVercelEvent(eventType, now),
  presets: VERCEL_PRESETS,
};
