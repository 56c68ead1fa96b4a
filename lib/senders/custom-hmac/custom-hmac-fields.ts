import type { SettingField } from "../sender";

// The Connect panel's form for Custom HMAC, one field per key of CustomHmacConfig; the timestamp's fields
// show only when a timestamp is signed.

const SIGNS_TIME = { field: "signed", value: "timestamp-body" };

export const CUSTOM_HMAC_SETTINGS_FIELDS: SettingField[] = [
  {
    name: "header",
    label: "Signature header",
    help: "The header the sender puts its signature in.",
    placeholder: "x-signature",
    type: "text",
    defaultValue: "x-signature",
  },
  {
    name: "algorithm",
    label: "Algorithm",
    type: "select",
    options: [
      { value: "sha256", label: "HMAC-SHA256" },
      { value: "sha512", label: "HMAC-SHA512" },
      { value: "sha1", label: "HMAC-SHA1" },
    ],
    defaultValue: "sha256",
  },
  {
    name: "encoding",
    label: "Encoding",
    help: "How the digest is written: hex (0-9a-f) or base64.",
    type: "select",
    options: [
      { value: "hex", label: "Hex" },
      { value: "base64", label: "Base64" },
    ],
    defaultValue: "hex",
  },
  {
    name: "prefix",
    label: "Signature prefix",
    help: "Text before the digest in the header, such as sha256=; leave empty when there is none.",
    placeholder: "sha256=",
    type: "text",
    defaultValue: "",
  },
  {
    name: "signed",
    label: "What is signed",
    type: "select",
    options: [
      { value: "body", label: "The raw body" },
      { value: "timestamp-body", label: "A timestamp, a separator and the raw body" },
    ],
    defaultValue: "body",
  },
  {
    name: "timestampHeader",
    label: "Timestamp header",
    help: "The header with the signed time, a Unix timestamp.",
    placeholder: "x-timestamp",
    type: "text",
    showWhen: SIGNS_TIME,
  },
  {
    name: "separator",
    label: "Separator",
    help: "What joins the timestamp and the body in the signed text: timestamp.body with a dot.",
    placeholder: ".",
    type: "text",
    showWhen: SIGNS_TIME,
    defaultValue: ".",
  },
  {
    name: "timestampUnit",
    label: "Timestamp unit",
    type: "select",
    options: [
      { value: "s", label: "Seconds" },
      { value: "ms", label: "Milliseconds" },
    ],
    showWhen: SIGNS_TIME,
    defaultValue: "s",
  },
  {
    name: "toleranceSeconds",
    label: "Tolerance (seconds)",
    help: "How far the signed time may be from Hookbell's clock, 1 to 3600; older requests are refused as replays.",
    type: "number",
    showWhen: SIGNS_TIME,
    defaultValue: "300",
  },
  {
    name: "idHeader",
    label: "Delivery ID header",
    help: "A header with the sender's id of the delivery, kept the same on retries; without one, an identical body within 24 hours is a duplicate.",
    placeholder: "x-delivery-id",
    type: "text",
  },
  {
    name: "typeField",
    label: "Event type field",
    help: "The field of the JSON body that names the event; dots for nested fields (event.name).",
    placeholder: "type",
    type: "text",
    defaultValue: "type",
  },
];
