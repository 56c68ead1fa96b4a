import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { API_KEY_PREFIX, API_KEY_RANDOM_LENGTH, hashApiKey, isApiKeyShaped } from "./api-key-secret";

const LAST_USED_EVERY_MS = 60_000;
// When this process last wrote each key's lastUsedAt: most requests then skip the write entirely.
const lastWritten = new Map<string, number>();

export type ApiCaller = Tenant & { apiKey: { id: string; name: string; displayPrefix: string } };

/**
 * The tenant behind an `Authorization: Bearer hb_live_…` header. Each refusal says which check failed
 * (missing, malformed, unknown, revoked, expired) without echoing the key.
 */
export async function authenticateApiKey(db: Db, authorization: string | null, now = new Date()): Promise<ApiCaller> {
  if (!authorization) {
    throw new AppError("unauthorized", "Missing API key: send it as `Authorization: Bearer hb_live_…`.");
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new AppError("unauthorized", "Malformed Authorization header: use `Bearer <API key>`.");
  const presented = match[1];
  if (!isApiKeyShaped(presented)) throw new AppError("unauthorized", malformedKeyMessage(presented));
  const key = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(presented) } });
  if (!key) throw new AppError("unauthorized", "Unknown API key.");
  if (key.revokedAt) throw new AppError("unauthorized", "This API key has been revoked.");
  if (key.expiresAt && key.expiresAt <= now) throw new AppError("unauthorized", "This API key has expired.");
  // The key acts as the member who made it, and only while they still belong to the project.
  const membership = await db.membership.findUnique({
    where: { userId_projectId: { userId: key.createdById, projectId: key.projectId } },
    select: { userId: true },
  });
  if (!membership) throw new AppError("unauthorized", "The member who created this API key has left the project.");
  await touchLastUsed(db, key.id, now);
  return {
    userId: key.createdById,
    projectId: key.projectId,
    apiKey: { id: key.id, name: key.name, displayPrefix: key.displayPrefix },
  };
}

/** Says which part of the key's shape is wrong (prefix, characters, length), never echoing the key. */
function malformedKeyMessage(presented: string): string {
  if (!presented.startsWith(API_KEY_PREFIX)) return `Malformed API key: Hookbell keys start with ${API_KEY_PREFIX}.`;
  const rest = presented.slice(API_KEY_PREFIX.length);
  const shape = `a Hookbell key is ${API_KEY_PREFIX} followed by ${API_KEY_RANDOM_LENGTH} letters and digits`;
  if (/[^0-9A-Za-z]/.test(rest)) {
    return `Malformed API key: ${shape}; this one has other characters after ${API_KEY_PREFIX} (quotes or punctuation copied with it?).`;
  }
  return `Malformed API key: ${shape}; this one has ${rest.length} after ${API_KEY_PREFIX} (was it copied whole?).`;
}

async function touchLastUsed(db: Db, keyId: string, now: Date): Promise<void> {
  const previous = lastWritten.get(keyId);
  if (previous !== undefined && now.getTime() - previous < LAST_USED_EVERY_MS) return;
  lastWritten.set(keyId, now.getTime());
  if (lastWritten.size > 10_000) lastWritten.delete(lastWritten.keys().next().value as string);
  // Conditional as well, so several processes together still write about once a minute.
  await db.apiKey.updateMany({
    where: {
      id: keyId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }],
    },
    data: { lastUsedAt: now },
  });
}
