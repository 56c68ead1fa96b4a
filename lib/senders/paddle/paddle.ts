import { field } from "../read-fields";
import type { Sender } from "../sender";
import { checkPaddleSecret } from "./check-paddle-secret";
import { PADDLE_EVENT_GROUPS } from "./paddle-events";
import { PADDLE_PRESETS } from "./paddle-presets";
import { samplePaddleEvent } from "./paddle-samples";

/**
 * Paddle Billing signs `{ts}:{body}` with HMAC-SHA256 (hex) in `Paddle-Signature: ts=…;h1=…` (one h1 per
 * secret while a secret is rotated). Its Node SDK allows 5 s (WebhooksValidator.MAX_VALID_TIME_DIFFERENCE),
 * which a slow network hop or a few seconds of clock drift on a self-hosted server already breaks; we allow
 * 300 s either way, Stripe's window for the same construction. A replay inside it is still caught: it
 * carries the same `notification_id`, the idempotency key, and is stored once.
 */
export const paddle: Sender = {
  id: "paddle",
  name: "Paddle",
  category: "payments",
  keywords: ["paddle billing", "payments", "billing", "subscriptions", "merchant of record", "tax"],
  docsUrl: "https://developer.paddle.com/webhooks/signature-verification",
  urlHelp: [
    "Open Paddle and go to Developer tools → Notifications.",
    "Press New destination, choose Webhook as the notification type, and pick the events to send.",
    "Paste the Webhook URL above as the URL and press Save destination.",
  ],
  secret: {
    label: "Secret key",
    placeholder: "pdl_ntfset_…",
    help: "In Paddle open Developer tools → Notifications, press ⋯ next to your destination, choose Edit destination, and copy the Secret key.",
    check: checkPaddleSecret,
  },
  verification: () => ({
    scheme: "hmac",
    header: "paddle-signature",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "",
    timestamp: {
      in: "signature-list",
      entrySeparator: ";",
      timestampKey: "ts",
      signatureKey: "h1",
      separator: ":",
      unit: "s",
    },
    toleranceSeconds: 300,
  }),
  marks: ["paddle-signature"],
  idempotency: "Paddle's notification id (ntf_…), the same on every retry",
  identify: (_request, payload) => ({
    messageId: field(payload, "notification_id"),
    eventType: field(payload, "event_type"),
    // Paddle names the entity in the event type ("subscription.created" is about a subscription).
    eventObject: field(payload, "event_type")?.split(".")[0] ?? null,
  }),
  events: [...PADDLE_EVENT_GROUPS],
  sample: samplePaddleEvent,
  presets: PADDLE_PRESETS,
};
