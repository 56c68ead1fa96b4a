import { field, headerText } from "../read-fields";
import type { Sender } from "../sender";
import { type CustomHmacConfig, CustomHmacConfigSchema } from "./custom-hmac-config";
import { CUSTOM_HMAC_SETTINGS_FIELDS } from "./custom-hmac-fields";
import { sampleCustomHmacEvent } from "./custom-hmac-sample";

/**
 * The long tail: any sender that puts an HMAC of the raw body (or of a timestamp and the body) in a header.
 * The user describes the scheme in the settings; the HMAC scheme checks it like any named sender's.
 */
export const customHmac: Sender<CustomHmacConfig> = {
  id: "custom-hmac",
  name: "Custom HMAC",
  category: "generic",
  keywords: ["hmac", "signature", "custom", "generic", "sha256", "x-signature", "other"],
  docsUrl: "https://www.rfc-editor.org/rfc/rfc2104",
  docsLabel: "HMAC docs (RFC 2104)",
  urlHelp: [
    "In the sending application's webhook settings, add an endpoint and paste the Webhook URL above.",
    "Look up in its docs how it signs: the signature header, the algorithm and encoding, any prefix, and whether a timestamp is signed; enter them in the settings here.",
  ],
  secret: {
    label: "Signing secret",
    placeholder: "the webhook's secret",
    help: "The secret the sending application signs webhooks with, from its webhook or developer settings; used as is (its UTF-8 bytes) as the HMAC key.",
    check: checkCustomSecret,
  },
  config: CustomHmacConfigSchema,
  settingsFields: CUSTOM_HMAC_SETTINGS_FIELDS,
  verification: (config) => {
    const signed = {
      scheme: "hmac",
      header: config.header,
      algorithm: config.algorithm,
      encoding: config.encoding,
      prefix: config.prefix,
    } as const;
    const timestampHeader = config.signed === "timestamp-body" ? config.timestampHeader : undefined;
    if (!timestampHeader) return { ...signed, toleranceSeconds: null };
    return {
      ...signed,
      timestamp: { in: "header", header: timestampHeader, separator: config.separator, unit: config.timestampUnit },
      toleranceSeconds: config.toleranceSeconds,
    };
  },
  // The headers are the user's choice: nothing marks a request as this sender's.
  marks: [],
  settingsHeaders: (config) => (config.idHeader ? [config.idHeader] : []),
  idempotency: "the delivery ID header named in the settings; without one, an identical body within 24 hours",
  identify: (request, payload, config) => ({
    messageId: config.idHeader ? headerText(request.headers, config.idHeader) : null,
    eventType: field(payload, config.typeField),
    eventObject: null,
  }),
  events: [],
  sample: sampleCustomHmacEvent,
  sampleHeaders: (_eventType, messageId, config): Record<string, string> =>
    config?.idHeader ? { [config.idHeader]: messageId } : {},
  presets: [],
};

const WHERE = "the sending application's webhook settings";

/** Any text of a sane length: senders' secrets may have spaces (GitHub's docs use "It's a Secret to Everybody"). */
function checkCustomSecret(secret: string): string | undefined {
  if (secret.length < 6) return `That is too short for a webhook secret; copy the whole value from ${WHERE}.`;
  if (secret.length > 512) return "A secret is at most 512 characters.";
  if (/[\r\n]/.test(secret)) return `A webhook secret is one line; copy it again from ${WHERE}.`;
  return undefined;
}
