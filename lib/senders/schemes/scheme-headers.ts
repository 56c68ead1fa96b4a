import type { Verification } from "../sender";

/** The headers of a verification that carry a signature or a shared secret (redacted in the log). */
export function signatureHeaders(verification: Verification): string[] {
  return verification.scheme === "standard-webhooks" ? ["svix-signature", "webhook-signature"] : [verification.header];
}

/**
 * Every header a verification reads, lower-case. A request that carries one of them speaks the webhook's own
 * sender's format, so it is never taken for another sender's request: a Polar webhook's request without
 * webhook-signature is missing that header, not "a Clerk request", though Clerk marks webhook-id.
 */
export function schemeHeaders(verification: Verification): string[] {
  switch (verification.scheme) {
    case "standard-webhooks":
      // The scheme accepts both families whatever the sender's own (standard-webhooks.ts readHeaders).
      return ["svix", "webhook"].flatMap((family) => ["id", "timestamp", "signature"].map((k) => `${family}-${k}`));
    case "hmac":
      return verification.timestamp?.in === "header"
        ? [verification.header, verification.timestamp.header]
        : [verification.header];
    case "token":
      return [verification.header];
  }
}
