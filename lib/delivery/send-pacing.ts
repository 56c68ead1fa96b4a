import { createHash } from "node:crypto";
import type { Db } from "../db/client";

// Slack accepts about one message per second per incoming webhook. The slot lives in the database so that
// every worker process shares it; the key is a hash, so the credential itself is not stored twice.
export const SLACK_INTERVAL_MS = 1000;

export function pacingKey(kind: string, destination: string): string {
  return `${kind}:${createHash("sha256").update(destination).digest("hex").slice(0, 32)}`;
}

/** Takes the destination's next send slot: null when granted, else when the next slot opens. */
export async function takeSendSlot(
  db: Db,
  key: string,
  now: Date,
  intervalMs = SLACK_INTERVAL_MS,
): Promise<Date | null> {
  await db.sendPacing.upsert({ where: { key }, create: { key, nextAt: now }, update: {} });
  const { count } = await db.sendPacing.updateMany({
    where: { key, nextAt: { lte: now } },
    data: { nextAt: new Date(now.getTime() + intervalMs) },
  });
  if (count === 1) return null;
  const slot = await db.sendPacing.findUnique({ where: { key } });
  return slot?.nextAt ?? new Date(now.getTime() + intervalMs);
}
