import { z } from "zod";

const MIN_BYTES = 24;
const MAX_BYTES = 64;

/**
 * A Svix / Standard Webhooks signing secret: `whsec_` followed by base64 of 24–64 random bytes
 * (Clerk issues 24). Whitespace around a pasted value is forgiven; anything else is refused clearly.
 */
export const SigningSecretSchema = z
  .string({ error: "Enter the signing secret." })
  .trim()
  .min(1, "Enter the signing secret.")
  .superRefine((value, ctx) => {
    const problem = findSecretProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const WHERE_IN_CLERK = "Clerk Dashboard → Webhooks → your endpoint → Signing Secret";

// Clerk's API keys sit beside the webhook settings and are pasted by mistake; say which one it was (by its
// prefix only: the value itself is never repeated) and where the signing secret is instead.
const CLERK_KEYS = [
  { prefix: "pk_", name: "publishable key (pk_…)" },
  { prefix: "sk_", name: "secret key (sk_…)" },
];

function findSecretProblem(value: string): string | undefined {
  const clerkKey = CLERK_KEYS.find((key) => value.startsWith(key.prefix));
  if (clerkKey) {
    return `That is a Clerk ${clerkKey.name}, not the webhook's signing secret. The signing secret starts with whsec_: find it under ${WHERE_IN_CLERK}.`;
  }
  if (!value.startsWith("whsec_")) {
    return `A signing secret starts with whsec_. Copy the whole value; in Clerk it is under ${WHERE_IN_CLERK}.`;
  }
  const encoded = value.slice("whsec_".length);
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

/** What the dashboard shows once a secret is saved: never more than its last four characters. */
export function maskSecret(secret: string | null | undefined): string | null {
  if (!secret) return null;
  return `whsec_…${secret.slice(-4)}`;
}
