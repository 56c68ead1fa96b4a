import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks signing (https://www.standardwebhooks.com, spec v1.0.0), as Clerk's own requests are
// signed: HMAC-SHA256 over `id.timestamp.body` with the base64-decoded part of a whsec_ secret.

const SECRET_BYTES = 32;

/** A new signing secret: whsec_ and base64 of 32 random bytes (the spec allows 24 to 64). */
export function generateForwardSecret(): string {
  return `whsec_${randomBytes(SECRET_BYTES).toString("base64")}`;
}

/**
 * The `webhook-signature` header: one `v1,<base64>` per secret, space-separated. During a rotation both
 * the new and the previous secret sign, so a receiver holding either one verifies.
 */
export function signatureHeader(id: string, timestamp: number, body: string, secrets: string[]): string {
  const signed = `${id}.${timestamp}.${body}`;
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
      return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
    })
    .join(" ");
}

type SigningSecrets = { signingSecret: string; previousSigningSecret: string | null; previousExpiresAt: string | null };

/** Whether the previous secret still signs at `now` (the 24 hours after a rotation). */
export function previousStillSigns(secrets: Omit<SigningSecrets, "signingSecret">, now: Date): boolean {
  return Boolean(
    secrets.previousSigningSecret && secrets.previousExpiresAt && new Date(secrets.previousExpiresAt) > now,
  );
}

/** The secrets that sign at `now`: the current one, and the previous one during its overlap. */
export function signingSecretsAt(secrets: SigningSecrets, now: Date): string[] {
  const previous = previousStillSigns(secrets, now) ? [secrets.previousSigningSecret as string] : [];
  return [secrets.signingSecret, ...previous];
}
