import { type Db, dbOrigin } from "../db/client";
import { logUnexpected } from "../errors";

// Ingest wakes the in-process worker the moment it commits work, so an idle queue never waits for a poll.
// Next's route bundles and the custom server load separate copies of this module; globalThis joins them.
const registry = globalThis as unknown as { hookbellWakeListeners?: Set<() => void> };

/** The PostgreSQL notification channel `npm run worker` processes listen on (see listen-for-work.ts). */
export const WORK_CHANNEL = "hookbell_work";

function listeners(): Set<() => void> {
  registry.hookbellWakeListeners ??= new Set();
  return registry.hookbellWakeListeners;
}

/** Wakes the workers of this process. */
export function wakeWorkers(): void {
  for (const listener of listeners()) listener();
}

/**
 * Committed work is due: wakes this process's workers and, on PostgreSQL, every other process's (a
 * NOTIFY they LISTEN for). Call it after the commit; a lost notification only delays work until the
 * next poll.
 */
export function announceWork(db: Db): void {
  wakeWorkers();
  if (dbOrigin(db)?.provider === "postgresql") {
    db.$executeRawUnsafe(`SELECT pg_notify('${WORK_CHANNEL}', '')`).catch((error) =>
      logUnexpected("notify workers", error),
    );
  }
}

export function onWake(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
