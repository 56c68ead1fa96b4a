import { randomUUID } from "node:crypto";
import { checkPlainSecret } from "../check-svix-secret";
import { headerText } from "../read-fields";
import type { Sender } from "../sender";
import { SHOPIFY_EVENT_GROUPS } from "./shopify-events";
import { SHOP_DOMAIN } from "./shopify-order-samples";
import { SHOPIFY_PRESETS } from "./shopify-presets";
import { sampleShopifyEvent } from "./shopify-samples";

const WHERE = "your app's Settings → Credentials → Client secret in the Shopify Dev Dashboard";
const API_VERSION = "2025-10";

// Shopify's API credentials sit beside the client secret: access tokens are not what signs webhooks.
// Named by prefix only; the value is never repeated.
const ACCESS_TOKENS = ["shpat_", "shpca_", "shppa_", "shpua_"];

function checkShopifySecret(secret: string): string | undefined {
  const token = ACCESS_TOKENS.find((prefix) => secret.startsWith(prefix));
  if (token) {
    return `That is a Shopify access token (${token}…), not the secret webhooks are signed with. Use ${WHERE}, or for webhooks made in the Shopify admin the secret shown under Settings → Notifications → Webhooks.`;
  }
  if (secret.startsWith("whsec_")) {
    return `That looks like a Svix or Stripe signing secret (whsec_…); Shopify signs with the app's client secret: ${WHERE}.`;
  }
  return checkPlainSecret(secret, { product: "Shopify", where: WHERE });
}

/**
 * Shopify: an HMAC-SHA256 of the raw body, base64, keyed with the app's client secret, and no signed time.
 * Its own id of an event, X-Shopify-Event-Id, is the same on every delivery of that event (Shopify's
 * "Ignore duplicate webhooks" guide names it as the duplicate check); X-Shopify-Webhook-Id names one
 * delivery and stands in when the event id is absent.
 */
export const shopify: Sender = {
  id: "shopify",
  name: "Shopify",
  category: "commerce",
  keywords: ["ecommerce", "store", "orders", "shop", "storefront", "checkout"],
  docsUrl: "https://shopify.dev/docs/apps/build/webhooks",
  urlHelp: [
    "In the Shopify admin open Settings → Notifications → Webhooks and press Create webhook.",
    "Pick the event, Format JSON, paste the Webhook URL above as the URL, choose the latest API version, and press Save.",
    "For an app, put the Webhook URL as the uri of a [[webhooks.subscriptions]] entry in shopify.app.toml and deploy.",
  ],
  secret: {
    label: "Client secret",
    placeholder: "shpss_… or the webhook signing secret",
    help: "For an app: the Shopify Dev Dashboard → your app → Settings → Credentials → Client secret (Partner Dashboard: Apps → your app → Client credentials). For webhooks made in the Shopify admin: Settings → Notifications → Webhooks, the secret under “Your webhooks will be signed with”.",
    check: checkShopifySecret,
  },
  verification: () => ({
    scheme: "hmac",
    header: "x-shopify-hmac-sha256",
    algorithm: "sha256",
    encoding: "base64",
    prefix: "",
    toleranceSeconds: null,
  }),
  marks: ["x-shopify-hmac-sha256", "x-shopify-topic"],
  idempotency: "the X-Shopify-Event-Id header (the same on every delivery of one event), else X-Shopify-Webhook-Id",
  identify: (request) => {
    const topic = headerText(request.headers, "x-shopify-topic");
    return {
      messageId:
        headerText(request.headers, "x-shopify-event-id") ?? headerText(request.headers, "x-shopify-webhook-id"),
      eventType: topic,
      eventObject: topic?.split("/")[0] || null,
    };
  },
  events: [...SHOPIFY_EVENT_GROUPS],
  sample: sampleShopifyEvent,
  sampleHeaders: (topic, messageId) => ({
    "X-Shopify-Topic": topic,
    "X-Shopify-Shop-Domain": SHOP_DOMAIN,
    "X-Shopify-API-Version": API_VERSION,
    "X-Shopify-Event-Id": messageId,
    "X-Shopify-Webhook-Id": randomUUID(),
    "X-Shopify-Triggered-At": new Date().toISOString(),
  }),
  presets: SHOPIFY_PRESETS,
};
