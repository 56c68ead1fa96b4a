import { field } from "../read-fields";
import type { Sender } from "../sender";
import { checkStripeSecret } from "./check-stripe-secret";
import { STRIPE_EVENT_GROUPS } from "./stripe-events";
import { STRIPE_PRESETS } from "./stripe-presets";
import { sampleStripeEvent } from "./stripe-samples";

/**
 * Stripe signs `{t}.{body}` with HMAC-SHA256 (hex) in `Stripe-Signature: t=…,v1=…[,v1=…]`; during a secret
 * roll it sends one v1 per secret, and v0 (test-mode legacy) is ignored. 300 s is the `stripe` package's
 * DEFAULT_TOLERANCE. Retries carry the same event, so its `id` (evt_…) is the idempotency key.
 */
export const stripe: Sender = {
  id: "stripe",
  name: "Stripe",
  category: "payments",
  keywords: ["payments", "billing", "subscriptions", "invoices", "checkout", "charges"],
  docsUrl: "https://docs.stripe.com/webhooks",
  urlHelp: [
    "Open the Stripe Dashboard and go to Developers → Webhooks (Workbench → Webhooks).",
    "Press Add destination (Add endpoint), choose the events to send, and pick Webhook endpoint.",
    "Paste the Webhook URL above as the Endpoint URL and press Create destination.",
  ],
  secret: {
    label: "Signing secret",
    placeholder: "whsec_…",
    help: "In the Stripe Dashboard open Developers → Webhooks, select your endpoint, and press Reveal under Signing secret.",
    check: checkStripeSecret,
  },
  verification: () => ({
    scheme: "hmac",
    header: "stripe-signature",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "",
    timestamp: {
      in: "signature-list",
      entrySeparator: ",",
      timestampKey: "t",
      signatureKey: "v1",
      separator: ".",
      unit: "s",
    },
    toleranceSeconds: 300,
  }),
  marks: ["stripe-signature"],
  idempotency: "Stripe's event id (evt_…), the same on every retry",
  identify: (_request, payload) => ({
    messageId: field(payload, "id"),
    eventType: field(payload, "type"),
    eventObject: field(payload, "data.object.object"),
  }),
  events: [...STRIPE_EVENT_GROUPS],
  sample: sampleStripeEvent,
  presets: STRIPE_PRESETS,
};
