/** The three signature headers, under Svix's names (Clerk) or Standard Webhooks' unbranded names. */
export type SignatureHeaders = { id: string; timestamp: string; signature: string; family: "svix" | "webhook" };

type HeaderLookup = { get(name: string): string | null };

export type HeaderProblem =
  | { code: "missing_headers"; message: string; missing: string[] }
  | { code: "invalid_message_id"; message: string };

/** Svix message ids are about 30 characters; the id is the idempotency key, so it is kept indexable. */
export const MAX_MESSAGE_ID_LENGTH = 255;

/**
 * Values are trimmed and a blank one counts as missing, as Clerk's own verifier does. The family is
 * Standard Webhooks only when no svix-* header is present at all, so error messages name what the
 * sender actually uses.
 */
export function readSignatureHeaders(headers: HeaderLookup): SignatureHeaders | HeaderProblem {
  const pick = (name: string) => headers.get(name)?.trim() || undefined;
  const svix = { id: pick("svix-id"), timestamp: pick("svix-timestamp"), signature: pick("svix-signature") };
  const unbranded = {
    id: pick("webhook-id"),
    timestamp: pick("webhook-timestamp"),
    signature: pick("webhook-signature"),
  };
  const hasSvix = Object.values(svix).some(Boolean);
  const hasUnbranded = Object.values(unbranded).some(Boolean);
  const family = !hasSvix && hasUnbranded ? "webhook" : "svix";
  const values = family === "svix" ? svix : unbranded;
  const { id, timestamp, signature } = values;
  if (!id || !timestamp || !signature) {
    const missing = (["id", "timestamp", "signature"] as const)
      .filter((key) => !values[key])
      .map((key) => `${family}-${key}`);
    return {
      code: "missing_headers",
      missing,
      message: `Missing required header${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. Requests must be signed the Svix / Standard Webhooks way.`,
    };
  }
  if (id.length > MAX_MESSAGE_ID_LENGTH) {
    return {
      code: "invalid_message_id",
      message: `The ${family}-id header is ${id.length} characters long; message ids are at most ${MAX_MESSAGE_ID_LENGTH}.`,
    };
  }
  return { id, timestamp, signature, family };
}
