import { checkSvixSecret } from "./check-svix-secret";
import { field, headerText } from "./read-fields";
import type { Sender } from "./sender";

/** Any sender that signs the Standard Webhooks way (OpenAI, Replicate, Supabase auth hooks…). */
export const standardWebhooks: Sender = {
  id: "standard-webhooks",
  name: "Standard Webhooks",
  category: "generic",
  keywords: ["standard webhooks", "openai", "replicate", "svix", "webhook-signature"],
  docsUrl: "https://www.standardwebhooks.com/",
  urlHelp: ["Register the Webhook URL above as the endpoint in the sending application."],
  secret: {
    label: "Signing secret",
    placeholder: "whsec_…",
    help: "Paste the endpoint's signing secret; it starts with whsec_.",
    check: (secret) => checkSvixSecret(secret, { product: "the sending application", where: "its webhook settings" }),
  },
  verification: () => ({ scheme: "standard-webhooks", key: "base64", family: "webhook", toleranceSeconds: 5 * 60 }),
  marks: ["webhook-id", "webhook-signature", "svix-id", "svix-signature"],
  idempotency: "the webhook-id header",
  identify: (request, payload) => ({
    messageId: headerText(request.headers, "webhook-id") ?? headerText(request.headers, "svix-id"),
    eventType: field(payload, "type"),
    eventObject: field(payload, "object"),
  }),
  events: [],
  sample: (eventType, now) => ({
    type: eventType,
    timestamp: now.toISOString(),
    data: { id: "obj_2pXq7YbKf3nR9tLmW4cVz8HsJ1d", object: eventType.split(".")[0] ?? "object" },
  }),
  presets: [],
};
