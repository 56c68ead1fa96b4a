import { createHmac, timingSafeEqual } from "node:crypto";
import type { Verification } from "../sender";
import { driftSeconds, type Scheme } from "./scheme";

type StandardWebhooks = Extract<Verification, { scheme: "standard-webhooks" }>;

const SECRET_PREFIX = "whsec_";

/**
 * Svix (Clerk, Resend) and Standard Webhooks senders: `{id}.{timestamp}.{body}` signed with HMAC-SHA256,
 * base64, in a space-separated `v1,<sig>` list, under svix-* or the unbranded webhook-* headers. The
 * timestamp must be strictly numeric (the svix library would accept "123abc") and within the tolerance.
 */
export const standardWebhooksScheme: Scheme<StandardWebhooks> = {
  read(request, verification, now) {
    const headers = readHeaders(request.headers);
    if ("missing" in headers) return { problem: "missing_headers", missing: headers.missing };
    const { family, id, timestamp, signature } = headers;
    if (!/^\d{1,15}$/.test(timestamp)) {
      return { problem: "invalid_timestamp", header: `${family}-timestamp`, value: timestamp };
    }
    const drift = driftSeconds(Number(timestamp) * 1000, now);
    if (Math.abs(drift) > verification.toleranceSeconds) {
      return { problem: "stale", driftSeconds: drift, toleranceSeconds: verification.toleranceSeconds };
    }
    return {
      matches(secret) {
        const expected = Buffer.from(signV1(secret, verification.key, id, timestamp, request.body));
        return signature.split(" ").some((entry) => {
          const [version, value] = entry.split(",");
          const given = Buffer.from(value ?? "");
          return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
        });
      },
    };
  },
  sign(body, secret, verification, { id, now }) {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const family = verification.family;
    return {
      [`${family}-id`]: id,
      [`${family}-timestamp`]: timestamp,
      [`${family}-signature`]: `v1,${signV1(secret, verification.key, id, timestamp, body)}`,
    };
  },
};

type HeaderLookup = { get(name: string): string | null };

/**
 * Values are trimmed and a blank one counts as missing, as Clerk's own verifier does. The family is
 * webhook-* only when no svix-* header is present at all, so a problem names what the sender uses.
 */
function readHeaders(
  lookup: HeaderLookup,
): { family: "svix" | "webhook"; id: string; timestamp: string; signature: string } | { missing: string[] } {
  const pick = (name: string) => lookup.get(name)?.trim() || undefined;
  const svix = { id: pick("svix-id"), timestamp: pick("svix-timestamp"), signature: pick("svix-signature") };
  const hasSvix = Boolean(svix.id || svix.timestamp || svix.signature);
  const unbranded = hasSvix
    ? svix
    : { id: pick("webhook-id"), timestamp: pick("webhook-timestamp"), signature: pick("webhook-signature") };
  const family = !hasSvix && (unbranded.id || unbranded.timestamp || unbranded.signature) ? "webhook" : "svix";
  const values = family === "svix" ? svix : unbranded;
  const { id, timestamp, signature } = values;
  if (!id || !timestamp || !signature) {
    const missing = (["id", "timestamp", "signature"] as const)
      .filter((key) => !values[key])
      .map((key) => `${family}-${key}`);
    return { missing };
  }
  return { family, id, timestamp, signature };
}

/**
 * The base64 of the v1 signature, as the svix library's `sign()` makes it (HMAC-SHA256 of "id.timestamp.body";
 * the timestamp as a number, so without leading zeros), computed with node:crypto: the library's
 * pure-JavaScript SHA-256 cost more than the rest of a request's checks. With key "base64" the key is the
 * decoded part after whsec_ (a saved secret is checked to be canonical base64); with "raw" (Polar) it is
 * the secret's own bytes.
 */
export function signV1(secret: string, key: "base64" | "raw", id: string, timestamp: string, body: string): string {
  const keyBytes =
    key === "raw"
      ? Buffer.from(secret, "utf8")
      : Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  return createHmac("sha256", keyBytes)
    .update(`${id}.${Number(timestamp)}.`)
    .update(body)
    .digest("base64");
}
