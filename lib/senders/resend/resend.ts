import { checkSvixSecret } from "../check-svix-secret";
import { field, headerText } from "../read-fields";
import type { Sender } from "../sender";
import { RESEND_EVENT_GROUPS } from "./resend-events";
import { RESEND_PRESETS } from "./resend-presets";
import { sampleResendEvent } from "./resend-samples";

const WHERE = "Resend → Webhooks → your endpoint → Signing Secret";

function checkResendSecret(secret: string): string | undefined {
  // Resend API keys (re_…) are the other secret its dashboard hands out; named by prefix only.
  if (secret.startsWith("re_")) {
    return `That is a Resend API key (re_…), not the webhook's signing secret. The signing secret starts with whsec_: find it under ${WHERE}.`;
  }
  return checkSvixSecret(secret, { product: "Resend", where: WHERE });
}

/**
 * Resend signs through Svix, like Clerk: svix-* headers, a whsec_ secret, ±5 minutes (the standardwebhooks
 * library its SDK's webhooks.verify uses has that tolerance). Its headers are Clerk's too, so it has no
 * marks: a request cannot tell which of the two sent it.
 */
export const resend: Sender = {
  id: "resend",
  name: "Resend",
  category: "email",
  keywords: ["email", "transactional email", "bounces", "deliverability", "svix"],
  docsUrl: "https://resend.com/docs/dashboard/webhooks/introduction",
  urlHelp: [
    "Open the Resend dashboard and go to Webhooks.",
    "Press Add Webhook, paste the Webhook URL above as the Endpoint URL, pick the events, and press Add.",
  ],
  secret: {
    label: "Signing secret",
    placeholder: "whsec_…",
    help: "In the Resend dashboard open Webhooks, select your endpoint, and copy the Signing Secret shown on its page.",
    check: checkResendSecret,
  },
  verification: () => ({ scheme: "standard-webhooks", key: "base64", family: "svix", toleranceSeconds: 5 * 60 }),
  marks: [],
  idempotency: "the svix-id header (Svix's message id, the same on every retry)",
  identify: (request, payload) => {
    const type = field(payload, "type");
    return {
      messageId: headerText(request.headers, "svix-id") ?? headerText(request.headers, "webhook-id"),
      eventType: type,
      eventObject: type?.split(".")[0] || null,
    };
  },
  events: [...RESEND_EVENT_GROUPS],
  sample: sampleResendEvent,
  presets: RESEND_PRESETS,
};
