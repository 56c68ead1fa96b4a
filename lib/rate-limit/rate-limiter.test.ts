import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter", () => {
  it("allows a burst, then refuses with the seconds until the next token, then refills", () => {
    const limiter = new RateLimiter({ perSecond: 2, burst: 3 });
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t).ok)).toEqual([true, true, true]);
    expect(limiter.take("a", t)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take("b", t).ok).toBe(true); // keys are independent
    expect(limiter.take("a", t + 500).ok).toBe(true); // half a second buys one token at 2/s
    expect(limiter.take("a", t + 500).ok).toBe(false);
    expect(limiter.take("a", t + 10_000).ok).toBe(true);
  });

  it("says how long to wait at slow rates", () => {
    const limiter = new RateLimiter({ perSecond: 1 / 90, burst: 1 });
    expect(limiter.take("x", 0).ok).toBe(true);
    expect(limiter.take("x", 0)).toEqual({ ok: false, retryAfterSeconds: 90 });
  });
});
