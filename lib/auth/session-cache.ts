// Sessions this process has checked recently, so a page that calls getServerSession() several times (the
// layout, the page, each server action) does not read the Session table each time. Kept on globalThis:
// Next compiles route handlers, pages and server actions into separate bundles that must share one cache.
// Ending a session in this process removes its entry at once; another process notices within SESSION_RECHECK_MS.

export type CachedSession = { userId: string; checkedAt: number; lastSeenAt: number };

/** How long a positive check is reused before the row is read again. */
export const SESSION_RECHECK_MS = 5_000;
/** Last seen is written at most this often per session. */
export const LAST_SEEN_EVERY_MS = 60_000;

const MAX_ENTRIES = 10_000;
const registry = globalThis as unknown as { hookbellSessionCache?: Map<string, CachedSession> };

export function sessionCache(): Map<string, CachedSession> {
  registry.hookbellSessionCache ??= new Map();
  return registry.hookbellSessionCache;
}

export function rememberSession(sessionId: string, entry: CachedSession): void {
  const cache = sessionCache();
  cache.delete(sessionId); // re-inserted last: the map's order is least recently checked first
  cache.set(sessionId, entry);
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
}

export function forgetSessions(sessionIds: Iterable<string>): void {
  const cache = sessionCache();
  for (const id of sessionIds) cache.delete(id);
}

/** After the user's other sessions were deleted: forget them here too, keeping the one asking. */
export function forgetOtherSessions(userId: string, keepSessionId: string): void {
  const cache = sessionCache();
  for (const [id, entry] of cache) if (entry.userId === userId && id !== keepSessionId) cache.delete(id);
}
