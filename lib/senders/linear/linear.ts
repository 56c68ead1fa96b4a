import { field, headerText, withAction } from "../read-fields";
import type { Sender } from "../sender";
import { LINEAR_EVENT_GROUPS } from "./linear-events";
import { LINEAR_PRESETS } from "./linear-presets";
import { sampleLinearEvent } from "./linear-samples";

// Linear signs the raw body (Linear-Signature, HMAC-SHA256 hex) and puts the time inside it: the body's
// webhookTimestamp (epoch ms) must be within ±60 s, as @linear/sdk's LinearWebhookClient.verify checks it.
// The idempotency key is the Linear-Delivery header, Linear's id of the delivery. The body's webhookId names
// the webhook, the same on every event, so it cannot be one; and a body hash would not dedupe a retry,
// whose webhookTimestamp is new.

const WHERE = "Linear → Settings → API → Webhooks → your webhook → Signing secret";
const WRONG_KEYS = [
  { prefix: "lin_api_", name: "personal API key (lin_api_…)" },
  { prefix: "lin_oauth_", name: "OAuth access token (lin_oauth_…)" },
];

export const linear: Sender = {
  id: "linear",
  name: "Linear",
  category: "developer",
  keywords: ["issues", "project management", "tickets", "sla", "cycles"],
  docsUrl: "https://linear.app/developers/webhooks",
  urlHelp: [
    "In Linear, open Settings → API (workspace admins) and press New webhook under Webhooks.",
    "Paste the Webhook URL above as the URL and give the webhook a label.",
    "Pick the team (or all public teams) and the data change events to send, then press Create webhook.",
  ],
  secret: {
    label: "Signing secret",
    placeholder: "lin_wh_…",
    help: `In ${WHERE}: open the webhook you created and copy its Signing secret (it starts with lin_wh_).`,
    check(secret) {
      const key = WRONG_KEYS.find((wrong) => secret.startsWith(wrong.prefix));
      if (key)
        return `That is a Linear ${key.name}, not a webhook's signing secret. Copy the Signing secret from ${WHERE}.`;
      if (/\s/.test(secret))
        return "A Linear signing secret has no spaces or line breaks: copy it again with the copy button.";
      return undefined;
    },
  },
  verification: () => ({
    scheme: "hmac",
    header: "linear-signature",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "",
    toleranceSeconds: null,
    bodyTimestamp: { field: "webhookTimestamp", toleranceSeconds: 60 },
  }),
  marks: ["linear-signature", "linear-delivery", "linear-event"],
  idempotency: "the Linear-Delivery header (Linear's id of the delivery)",
  identify: (request, payload) => {
    const type = field(payload, "type");
    return {
      messageId: headerText(request.headers, "linear-delivery"),
      eventType: withAction(type, field(payload, "action")),
      eventObject: type,
    };
  },
  events: [...LINEAR_EVENT_GROUPS],
  sample: sampleLinearEvent,
  sampleHeaders: (eventType, messageId) => ({
    "content-type": "application/json; charset=utf-8",
    "linear-delivery": messageId,
    "linear-event": eventType.split(".")[0] ?? "Issue",
    "user-agent": "Linear-Webhook",
  }),
  presets: LINEAR_PRESETS,
};
