const MIN_BYTES = 24;
const MAX_BYTES = 64;
const PREFIX = "whsec_";

// Clerk's API keys sit beside the webhook settings and are pasted by mistake; say which one it was (by its
// prefix only: the value itself is never repeated) and where the signing secret is instead.
const CLERK_KEYS = [
  { prefix: "pk_", name: "publishable key (pk_…)" },
  { prefix: "sk_", name: "secret key (sk_…)" },
];

/**
 * A Svix / Standard Webhooks signing secret: `whsec_` followed by base64 of 24–64 random bytes (Clerk issues
 * 24). The problem in the sender's words, or undefined when the secret can be saved.
 */
export function checkSvixSecret(
  value: string,
  sender: { product: string; where: string; clerkKeys?: boolean },
): string | undefined {
  const clerkKey = sender.clerkKeys ? CLERK_KEYS.find((key) => value.startsWith(key.prefix)) : undefined;
  if (clerkKey) {
    return `That is a ${sender.product} ${clerkKey.name}, not the webhook's signing secret. The signing secret starts with whsec_: find it under ${sender.where}.`;
  }
  if (!value.startsWith(PREFIX)) {
    return `A signing secret starts with whsec_. Copy the whole value; in ${sender.product} it is under ${sender.where}.`;
  }
  const encoded = value.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    return "The part after whsec_ must be base64 (letters, digits, + and /).";
  }
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.toString("base64").replace(/=+$/, "") !== encoded.replace(/=+$/, "")) {
    return "The part after whsec_ is not valid base64; check that nothing was cut off.";
  }
  if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
    return `The secret decodes to ${bytes.length} bytes; a signing secret has ${MIN_BYTES} to ${MAX_BYTES}. Check that nothing was cut off.`;
  }
  return undefined;
}

/** A secret a sender shows as text (GitHub's, Shopify's…): something pasted, of a sane length, on one line. */
export function checkPlainSecret(value: string, sender: { product: string; where: string }): string | undefined {
  if (value.length < 6)
    return `That is too short for a ${sender.product} secret; copy the whole value from ${sender.where}.`;
  if (value.length > 512) return "A secret is at most 512 characters.";
  if (/\s/.test(value))
    return `A ${sender.product} secret has no spaces or line breaks; copy it again from ${sender.where}.`;
  return undefined;
}
