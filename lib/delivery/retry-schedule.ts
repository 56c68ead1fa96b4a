// When a transient failure is retried. Like Svix's own schedule, but compressed to about a day:
// attempt 1 at once, then after 10 s, 1 min, 5 min, 30 min, 2 h, 5 h, 8 h and 8 h (≈ 23.6 h in all),
// each delay ±20 % random jitter so a recovering Slack or SMTP server is not hit by a synchronised wave.
export const RETRY_DELAYS_MS = [10_000, 60_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 28_800_000, 28_800_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * The delay before the next attempt after `attempts` failed ones, or null when it is time to give up.
 * A Retry-After from the receiver wins over the schedule (but never below one second).
 */
export function nextRetryDelay(attempts: number, retryAfterMs?: number, random = Math.random): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  if (retryAfterMs !== undefined) return Math.max(1000, retryAfterMs);
  const base = RETRY_DELAYS_MS[Math.max(0, attempts - 1)];
  return Math.round(base * (0.8 + 0.4 * random()));
}
