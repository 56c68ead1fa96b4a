import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { forgetKeyRing, getKeyRing } from "./key-ring";

// Secrets at rest: AES-256-GCM with a random 12-byte IV per value, and the row's identity (table,
// column, id) as associated data, so a sealed value copied into another row or column does not open.
// Stored form: enc:v1:<key id>:<iv>:<ciphertext+tag>, base64url parts.

const PREFIX = "enc:v1:";

export type SealedField = { table: string; column: string; id: string };

function aad(field: SealedField): Buffer {
  return Buffer.from(`${field.table}.${field.column}:${field.id}`);
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

export function seal(plain: string, field: SealedField): string {
  const ring = getKeyRing();
  const key = ring.keys.get(ring.currentId) as Buffer;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(field));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${ring.currentId}:${iv.toString("base64url")}:${sealed.toString("base64url")}`;
}

export function open(stored: string, field: SealedField): string {
  // Values written before encryption existed are sealed at start-up; until then they read as they are.
  if (!isSealed(stored)) return stored;
  const [keyId, ivText, sealedText] = stored.slice(PREFIX.length).split(":");
  let key = getKeyRing().keys.get(keyId ?? "");
  if (!key) {
    // Sealed with a key added since this process read the ring (`npm run rotate-key` elsewhere): reread it.
    forgetKeyRing();
    key = getKeyRing().keys.get(keyId ?? "");
  }
  if (!key)
    throw new Error(`No encryption key with id ${keyId} is configured; it sealed ${field.table}.${field.column}.`);
  const sealed = Buffer.from(sealedText ?? "", "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(ivText ?? "", "base64url"));
  decipher.setAAD(aad(field));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]).toString("utf8");
}

export function sealNullable(plain: string | null, field: SealedField): string | null {
  return plain === null ? null : seal(plain, field);
}

export function openNullable(stored: string | null, field: SealedField): string | null {
  return stored === null ? null : open(stored, field);
}

/** Which key sealed a stored value (null for a legacy plain value). */
export function sealedKeyId(stored: string): string | null {
  return isSealed(stored) ? (stored.slice(PREFIX.length).split(":")[0] ?? null) : null;
}
