import { z } from "zod";
import { checkSvixSecret } from "../senders/check-svix-secret";

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

function findSecretProblem(value: string): string | undefined {
  return checkSvixSecret(value, { product: "Clerk", where: WHERE_IN_CLERK, clerkKeys: true });
}

/** What the dashboard shows once a secret is saved: never more than its last four characters. */
export function maskSecret(secret: string | null | undefined): string | null {
  if (!secret) return null;
  if (secret.startsWith("whsec_")) return `whsec_…${secret.slice(-4)}`;
  // A short secret (a GitLab token someone typed) would give too much away by its last characters.
  return secret.length >= 16 ? `…${secret.slice(-4)}` : `•••• (${secret.length} characters)`;
}
