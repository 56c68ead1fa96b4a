import { checkPlainSecret } from "../check-svix-secret";
import { field } from "../read-fields";
import type { Sender } from "../sender";
import { WORKOS_EVENT_GROUPS } from "./workos-events";
import { WORKOS_PRESETS } from "./workos-presets";
import { sampleWorkosEvent } from "./workos-samples";

const WHERE = "the WorkOS Dashboard → Webhooks → your endpoint → Signing secret";

// WorkOS API keys (sk_…) and client ids (client_…) sit beside the webhook settings; named by prefix only.
const OTHER_CREDENTIALS = [
  { prefix: "sk_", name: "API key (sk_…)" },
  { prefix: "client_", name: "client ID (client_…)" },
];

function checkWorkosSecret(secret: string): string | undefined {
  const other = OTHER_CREDENTIALS.find((credential) => secret.startsWith(credential.prefix));
  if (other) return `That is a WorkOS ${other.name}, not the webhook's signing secret: find it under ${WHERE}.`;
  return checkPlainSecret(secret, { product: "WorkOS", where: WHERE });
}

/**
 * WorkOS: `WorkOS-Signature: t=<ms>, v1=<hex>`, an HMAC-SHA256 of `{t}.{body}` with the endpoint's secret.
 * The tolerance is the SDK's default, 180 s (@workos-inc/node webhooks.constructEvent). The event id in the
 * body (`event_…`) is the idempotency key: WorkOS retries an event with the same id.
 */
export const workos: Sender = {
  id: "workos",
  name: "WorkOS",
  category: "auth",
  keywords: ["sso", "saml", "scim", "directory sync", "authkit", "enterprise", "auth"],
  docsUrl: "https://workos.com/docs/events/data-syncing/webhooks",
  urlHelp: [
    "Open the WorkOS Dashboard, pick the environment, and go to Webhooks.",
    "Press Create Webhook, paste the Webhook URL above as the Endpoint URL, select the events, and press Create.",
  ],
  secret: {
    label: "Signing secret",
    placeholder: "The endpoint's signing secret",
    help: "In the WorkOS Dashboard open Webhooks, select your endpoint, and copy its Signing secret.",
    check: checkWorkosSecret,
  },
  verification: () => ({
    scheme: "hmac",
    header: "workos-signature",
    algorithm: "sha256",
    encoding: "hex",
    prefix: "",
    timestamp: {
      in: "signature-list",
      entrySeparator: ", ",
      timestampKey: "t",
      signatureKey: "v1",
      separator: ".",
      unit: "ms",
    },
    toleranceSeconds: 180,
  }),
  marks: ["workos-signature"],
  idempotency: "the event's id in the body (event_…), the same on every retry",
  identify: (_request, payload) => {
    const type = field(payload, "event");
    return { messageId: field(payload, "id"), eventType: type, eventObject: type?.split(".")[0] || null };
  },
  events: [...WORKOS_EVENT_GROUPS],
  sample: sampleWorkosEvent,
  presets: WORKOS_PRESETS,
};
