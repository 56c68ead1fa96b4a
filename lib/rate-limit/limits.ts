import { getEnv } from "../env";
import { RateLimiter } from "./rate-limiter";

// The limiters the app uses, one set per process (shared by Next's bundles and the custom server).

type Limiters = {
  ingestPerWebhook: RateLimiter;
  ingestPerIp: RateLimiter;
  signInPerAccountAndIp: RateLimiter;
  signInPerIp: RateLimiter;
  signInPerAccount: RateLimiter;
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
      // Failed sign-ins (lib/auth/sign-in-rate.ts). 10 per account from one address and 100 from one address
      // in 15 minutes; account-wide 1000 an hour, which only many addresses together can spend: one
      // address (capped at 100) can never lock the owner out.
      signInPerAccountAndIp: new RateLimiter({ perSecond: 10 / 900, burst: 10 }),
      signInPerIp: new RateLimiter({ perSecond: 100 / 900, burst: 100 }),
      signInPerAccount: new RateLimiter({ perSecond: 1000 / 3600, burst: 1000 }),
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
