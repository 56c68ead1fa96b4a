import { getEnv } from "../env";
import { RateLimiter } from "./rate-limiter";

// The limiters the app uses, one set per process (shared by Next's bundles and the custom server).

type Limiters = {
  ingestPerWebhook: RateLimiter;
  ingestPerIp: RateLimiter;
  signInPerAccount: RateLimiter;
  signInPerIp: RateLimiter;
  signUpPerIp: RateLimiter;
  apiPerKey: RateLimiter;
  apiKeyFailuresPerIp: RateLimiter;
};

const registry = globalThis as unknown as { hookbellLimiters?: Limiters };

export function limiters(): Limiters {
  if (!registry.hookbellLimiters) {
    const env = getEnv();
    registry.hookbellLimiters = {
      ingestPerWebhook: new RateLimiter({
        perSecond: env.HOOKBELL_INGEST_RATE_PER_WEBHOOK,
        burst: env.HOOKBELL_INGEST_RATE_PER_WEBHOOK * 5,
      }),
      ingestPerIp: new RateLimiter({
        perSecond: env.HOOKBELL_INGEST_RATE_PER_IP,
        burst: env.HOOKBELL_INGEST_RATE_PER_IP * 5,
      }),
      // 10 attempts per account, then one every 90 s; 30 per address, then one every 30 s.
      signInPerAccount: new RateLimiter({ perSecond: 1 / 90, burst: 10 }),
      signInPerIp: new RateLimiter({ perSecond: 1 / 30, burst: 30 }),
      // 5 accounts per address, then one every 10 minutes.
      signUpPerIp: new RateLimiter({ perSecond: 1 / 600, burst: 5 }),
      apiPerKey: new RateLimiter({
        perSecond: env.HOOKBELL_API_RATE_PER_KEY,
        burst: Math.max(1, env.HOOKBELL_API_RATE_PER_KEY * 5),
      }),
      // Requests with a missing, malformed, unknown, revoked or expired key: 30 per address, then one every
      // 2 s. Nobody guesses a 190-bit key, but each miss costs a lookup, and a flood of them should not.
      apiKeyFailuresPerIp: new RateLimiter({ perSecond: 1 / 2, burst: 30 }),
    };
  }
  return registry.hookbellLimiters;
}

/** Tests that change the limits start from fresh buckets. */
export function resetLimitersForTests(): void {
  registry.hookbellLimiters = undefined;
}
