import { checkPlainSecret } from "../check-svix-secret";
import { field, headerText } from "../read-fields";
import type { Sender } from "../sender";
import { POLAR_EVENT_GROUPS } from "./polar-events";
import { POLAR_PRESETS } from "./polar-presets";
import { samplePolarEvent } from "./polar-samples";

const WHERE = "Settings → Webhooks → your endpoint";

/**
 * Polar signs the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature; ±5 minutes), but
 * keys the HMAC with the secret's own bytes: its SDK passes `Buffer.from(secret).toString("base64")` to
 * standardwebhooks. Its headers are Standard Webhooks' own, so it has no marks of its own.
 */
export const polar: Sender = {
  id: "polar",
  name: "Polar",
  category: "payments",
  keywords: ["polar.sh", "payments", "subscriptions", "merchant of record", "open source", "standard webhooks"],
  docsUrl: "https://polar.sh/docs/integrate/webhooks/endpoints",
  urlHelp: [
    "Open the Polar dashboard, select your organization, and go to Settings → Webhooks.",
    "Press Add Endpoint and paste the Webhook URL above as the URL; keep the format Raw.",
    "Pick the events to send and press Create.",
  ],
  secret: {
    label: "Webhook secret",
    placeholder: "polar_whs_…",
    help: "In the Polar dashboard open Settings → Webhooks and select your endpoint; copy its Secret (polar_whs_…).",
    check: (secret) => {
      if (/^polar_(oat|pat|at)_/.test(secret)) {
        return `That is a Polar access token, not the endpoint's webhook secret (polar_whs_…): find it under ${WHERE}.`;
      }
      return checkPlainSecret(secret, { product: "Polar", where: WHERE });
    },
  },
  verification: () => ({ scheme: "standard-webhooks", key: "raw", family: "webhook", toleranceSeconds: 5 * 60 }),
  marks: [],
  idempotency: "the webhook-id header, the same on every retry",
  identify: (request, payload) => ({
    messageId: headerText(request.headers, "webhook-id") ?? headerText(request.headers, "svix-id"),
    eventType: field(payload, "type"),
    // Polar's payload names no object; the event type does ("order.paid" is about an order).
    eventObject: field(payload, "type")?.split(".")[0] ?? null,
  }),
  events: [...POLAR_EVENT_GROUPS],
  sample: samplePolarEvent,
  presets: POLAR_PRESETS,
};
