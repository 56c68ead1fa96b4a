import { z } from "zod";

// A header a webhook's settings name (Supabase's secret header, Custom HMAC's signature, timestamp and id
// headers). Header names are case-insensitive, so they are kept lower-case, as lookups and the log use them.

/** RFC 9110 `token`: the characters a header name may have. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;
const MAX_LENGTH = 100;

/**
 * Headers that cannot carry a secret or a signature: framing and connection headers that clients, proxies
 * and load balancers set or rewrite themselves, and proxy-added addresses. `authorization` is allowed (a raw
 * token or "Bearer …" is what many senders send; the log drops it entirely).
 */
const RESERVED = new Set([
  "accept",
  "accept-encoding",
  "connection",
  "content-encoding",
  "content-length",
  "content-type",
  "cookie",
  "expect",
  "forwarded",
  "host",
  "keep-alive",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "via",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-real-ip",
]);

/** A header name setting, trimmed and lower-cased; `label` names the field in every refusal. */
export function headerNameSetting(label: string, example = "x-webhook-secret") {
  return z
    .string({ error: `${label}: enter a header name.` })
    .trim()
    .toLowerCase()
    .min(1, `${label}: enter a header name.`)
    .max(MAX_LENGTH, `${label}: a header name is at most ${MAX_LENGTH} characters.`)
    .refine(
      (name) => TOKEN.test(name),
      `${label}: a header name has only letters, digits and marks such as - or _ (no spaces or colons), such as ${example}.`,
    )
    .refine(
      (name) => !RESERVED.has(name) && !name.startsWith("proxy-") && !name.startsWith("sec-"),
      `${label}: that header is set by HTTP clients and proxies themselves and cannot carry a secret; choose your own, such as ${example}.`,
    );
}
