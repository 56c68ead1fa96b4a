// Token buckets in memory: each key may spend `burst` requests at once and regains `perSecond` a
// second. Per process: with several app processes each enforces its own share, which bounds abuse
// without a shared store. The map is pruned so a flood of distinct keys cannot exhaust memory.

export type Limit = { perSecond: number; burst: number };
export type Decision = { ok: true } | { ok: false; retryAfterSeconds: number };

const MAX_KEYS = 50_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: Limit) {}

  /** Whether `take` would succeed now, without spending anything. */
  peek(key: string, now = Date.now()): Decision {
    const { perSecond, burst } = this.limit;
    const bucket = this.buckets.get(key);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond) : burst;
    return tokens >= 1
      ? { ok: true }
      : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)) };
  }

  take(key: string, now = Date.now()): Decision {
    const { perSecond, burst } = this.limit;
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.buckets.delete(key); // re-inserted last: the map's order is least recently used first
    this.buckets.set(key, bucket);
    if (this.buckets.size > MAX_KEYS) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  }
}
