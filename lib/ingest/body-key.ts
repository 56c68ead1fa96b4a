import { createHash } from "node:crypto";
import type { Db } from "../db/client";

/** How long an identical body counts as the same delivery, for senders that give no delivery id. */
export const BODY_KEY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The idempotency key of a body whose sender gives no id: "sha256:" and its hex digest. */
export function bodyKey(bytes: Buffer): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
}

/**
 * An event stored more than BODY_KEY_WINDOW_MS before `now` with this key gives it up, so the same body
 * sent again a day later is a new event, not a duplicate. One indexed update, only for such senders.
 */
export async function releaseStaleBodyKey(db: Db, webhookId: string, key: string, now: Date): Promise<void> {
  await db.event.updateMany({
    where: { webhookId, dedupeKey: key, receivedAt: { lt: new Date(now.getTime() - BODY_KEY_WINDOW_MS) } },
    data: { dedupeKey: null },
  });
}
