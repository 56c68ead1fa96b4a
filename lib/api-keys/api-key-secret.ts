import { createHash } from "node:crypto";
import { randomBase62 } from "../ids";

/** Secret scanners (GitHub, GitGuardian…) recognise Hookbell keys by this prefix. */
export const API_KEY_PREFIX = "hb_live_";
export const API_KEY_RANDOM_LENGTH = 32; // 32 × 5.95 ≈ 190 bits
const RANDOM_LENGTH = API_KEY_RANDOM_LENGTH;
const DISPLAY_LENGTH = API_KEY_PREFIX.length + 4;
const KEY_SHAPE = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH}}$`);

export function generateApiKey(): { key: string; keyHash: string; displayPrefix: string } {
  const key = `${API_KEY_PREFIX}${randomBase62(RANDOM_LENGTH)}`;
  return { key, keyHash: hashApiKey(key), displayPrefix: key.slice(0, DISPLAY_LENGTH) };
}

/** SHA-256 is enough: a key carries 190 random bits, so no dictionary or brute force reaches it. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function isApiKeyShaped(value: string): boolean {
  return KEY_SHAPE.test(value);
}
