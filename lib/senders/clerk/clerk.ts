import { checkSvixSecret } from "../check-svix-secret";
import { field, headerText } from "../read-fields";
import type { Sender } from "../sender";
import { CLERK_EVENT_GROUPS } from "./clerk-events";
import { sampleClerkEvent } from "./clerk-samples";

const WHERE = "Clerk Dashboard → Webhooks → your endpoint → Signing Secret";

/** Clerk signs through Svix. Its presets are the hand-written ones in templates/<kind>/ (lib/templates/presets.ts). */
export const clerk: Sender = {
  id: "clerk",
  name: "Clerk",
  category: "auth",
  keywords: ["auth", "users", "sign-up", "svix"],
  docsUrl: "https://clerk.com/docs/webhooks/overview",
  urlHelp: [
    "Open the Clerk Dashboard and select your application.",
    "Go to Configure → Webhooks and press Add Endpoint.",
    "Paste the Webhook URL above as the Endpoint URL, pick the events to send, and press Create.",
  ],
  secret: {
    label: "Signing secret",
    placeholder: "whsec_…",
    help: "In the Clerk Dashboard open Configure → Webhooks, select your endpoint, and press Reveal next to Signing Secret.",
    check: (secret) => checkSvixSecret(secret, { product: "Clerk", where: WHERE, clerkKeys: true }),
  },
  verification: () => ({ scheme: "standard-webhooks", key: "base64", family: "svix", toleranceSeconds: 5 * 60 }),
  // Clerk signs under svix-*, and its verification accepts the unbranded webhook-* headers too.
  marks: ["svix-id", "svix-signature", "webhook-id", "webhook-signature"],
  idempotency: "the svix-id header (Svix's message id)",
  identify: (request, payload) => ({
    messageId: headerText(request.headers, "svix-id") ?? headerText(request.headers, "webhook-id"),
    eventType: field(payload, "type"),
    eventObject: field(payload, "object"),
  }),
  events: [...CLERK_EVENT_GROUPS],
  sample: sampleClerkEvent,
  presets: [],
};
