import { checkPlainSecret } from "../check-svix-secret";
import { field, headerText } from "../read-fields";
import type { Sender } from "../sender";
import { LEMON_SQUEEZY_EVENT_GROUPS } from "./lemon-squeezy-events";
import { LEMON_SQUEEZY_PRESETS } from "./lemon-squeezy-presets";
import { sampleLemonSqueezyEvent } from "./lemon-squeezy-samples";

const WHERE = "Settings → Webhooks → your webhook → Signing secret";

/**
 * Lemon Squeezy signs the raw body with HMAC-SHA256 (hex) in `X-Signature`, keyed by a secret the user
 * types in when creating the webhook. It signs no time and sends no delivery id: ingest deduplicates on
 * the body's hash within 24 hours. The event name is in `X-Event-Name` and `meta.event_name`.
 */
export const lemonSqueezy: Sender = {
  id: "lemon-squeezy",
  name: "Lemon Squeezy",
  category: "payments",
  keywords: ["lemonsqueezy", "payments", "orders", "subscriptions", "license keys", "merchant of record"],
  docsUrl: "https://docs.lemonsqueezy.com/help/webhooks",
  urlHelp: [
    "Open the Lemon Squeezy dashboard and go to Settings → Webhooks.",
    "Press + (Add webhook) and paste the Webhook URL above as the Callback URL.",
    "Type a signing secret (paste the same one here), pick the events to send, and press Save webhook.",
  ],
  secret: {
    label: "Signing secret",
    placeholder: "The secret you typed in Lemon Squeezy",
    help: "Lemon Squeezy does not generate it: it is the Signing secret you typed in Settings → Webhooks for this webhook (edit the webhook to set a new one).",
    check: (secret) => checkPlainSecret(secret, { product: "Lemon Squeezy", where: WHERE }),
  },
  verification: () => ({
    scheme: "hmac",
    header: "x-signature",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "",
    toleranceSeconds: null,
  }),
  // X-Signature is a generic name other senders use too; only X-Event-Name says Lemon Squeezy.
  marks: ["x-event-name"],
  idempotency: null,
  identify: (request, payload) => ({
    messageId: null,
    eventType: field(payload, "meta.event_name") ?? headerText(request.headers, "x-event-name"),
    eventObject: field(payload, "data.type"),
  }),
  events: [...LEMON_SQUEEZY_EVENT_GROUPS],
  sample: sampleLemonSqueezyEvent,
  sampleHeaders: (eventType) => ({ "x-event-name": eventType }),
  presets: LEMON_SQUEEZY_PRESETS,
};
