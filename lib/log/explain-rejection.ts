// Troubleshooting where it happens: each rejection code in plain words, with the fixes that work,
// following Clerk's and Svix's own troubleshooting advice.

export type Explanation = { title: string; fixes: string[] };

const EXPLANATIONS: Record<string, Explanation> = {
  invalid_signature: {
    title: "The signature did not match the saved signing secret",
    fixes: [
      "Copy the signing secret again from Clerk (Configure → Webhooks → your endpoint → Signing Secret → Reveal) and save it on the webhook page.",
      "Make sure the secret comes from the same Clerk endpoint whose URL is this webhook's URL: each endpoint has its own secret.",
      "If you rotated the secret in Clerk, save the new one here; the previous one keeps working for 24 hours.",
      "A proxy in front of Hookbell must pass the body through unchanged; re-encoded JSON no longer matches its signature.",
    ],
  },
  signature_from_expired_secret: {
    title: "Signed with a secret that has been replaced",
    fixes: [
      "The sender still uses the previous secret, whose 24-hour grace period is over. Save the secret Clerk shows now, or rotate it in Clerk.",
    ],
  },
  timestamp_too_old: {
    title: "The request is too old (clock drift or a replay)",
    fixes: [
      "Check that this server's clock is synchronised (NTP); the measured difference is shown above.",
      "A request replayed by hand long after it was sent is refused on purpose; resend it from Clerk's dashboard instead.",
    ],
  },
  timestamp_too_new: {
    title: "The request claims to come from the future (clock drift)",
    fixes: ["Synchronise this server's clock (NTP); the measured difference is shown above."],
  },
  invalid_timestamp: {
    title: "The timestamp header is malformed",
    fixes: [
      "The svix-timestamp header must be whole seconds since 1970. Send the request with Clerk or a Svix library.",
    ],
  },
  missing_headers: {
    title: "Signature headers are missing",
    fixes: [
      "Requests must carry svix-id, svix-timestamp and svix-signature (or the webhook-* equivalents). Clerk always sends them.",
      "A proxy or load balancer in front of Hookbell may be dropping headers; pass them through.",
      "To try the webhook by hand, use “Send test event” on the webhook page: it signs the request properly.",
    ],
  },
  invalid_message_id: {
    title: "The message id header is too long",
    fixes: [
      "svix-id (or webhook-id) identifies one event and is the key that stops duplicates; Clerk's are about 30 characters. Something other than Clerk is posting to this URL, or a proxy rewrites the header.",
    ],
  },
  webhook_inactive: {
    title: "The webhook is inactive",
    fixes: [
      "Open the webhook and press Reactivate (or save a signing secret, which activates it).",
      "Clerk retries failed deliveries for days, so events refused while inactive arrive once it is active again.",
    ],
  },
  payload_too_large: {
    title: "The body is larger than 256 KiB",
    fixes: [
      "Clerk's events are far smaller; something else is posting to this URL. Check the source IP and user agent in the headers below.",
    ],
  },
  rate_limited: {
    title: "Requests arrived faster than this webhook's rate limit",
    fixes: [
      "Refused requests got 429 with Retry-After; Clerk (Svix) retries them later, so nothing is lost.",
      "If this is real traffic (a bulk import, say), raise HOOKBELL_INGEST_RATE_PER_WEBHOOK or HOOKBELL_INGEST_RATE_PER_IP.",
    ],
  },
  invalid_payload: {
    title: "The body is signed but is not a JSON object",
    fixes: ["Hookbell expects JSON objects like Clerk's events. Check what the sender posts."],
  },
};

export function explainRejection(code: string | null): Explanation | null {
  return code ? (EXPLANATIONS[code] ?? null) : null;
}
