import type { Db } from "../db/client";
import { forgetSessions, LAST_SEEN_EVERY_MS, rememberSession, SESSION_RECHECK_MS, sessionCache } from "./session-cache";

/**
 * Whether the session in a cookie still exists for that user. Called for every request that reads the
 * session (next-auth's jwt callback), so a session ended anywhere stops working; also moves last seen on.
 */
export async function checkSession(db: Db, sessionId: string, userId: string, now = Date.now()): Promise<boolean> {
  const cached = sessionCache().get(sessionId);
  if (cached && cached.userId === userId && now - cached.checkedAt < SESSION_RECHECK_MS) {
    if (now - cached.lastSeenAt >= LAST_SEEN_EVERY_MS) await touch(db, sessionId, userId, now);
    return true;
  }
  const row = await db.session.findUnique({ where: { id: sessionId }, select: { userId: true, lastSeenAt: true } });
  if (!row || row.userId !== userId) {
    forgetSessions([sessionId]);
    return false;
  }
  rememberSession(sessionId, { userId, checkedAt: now, lastSeenAt: row.lastSeenAt.getTime() });
  if (now - row.lastSeenAt.getTime() >= LAST_SEEN_EVERY_MS) await touch(db, sessionId, userId, now);
  return true;
}

async function touch(db: Db, sessionId: string, userId: string, now: number): Promise<void> {
  const entry = sessionCache().get(sessionId);
  if (entry) entry.lastSeenAt = now; // set first: concurrent requests of one page write once
  await db.session.updateMany({ where: { id: sessionId, userId }, data: { lastSeenAt: new Date(now) } });
}
