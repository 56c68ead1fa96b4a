import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetryDelay, RETRY_DELAYS_MS } from "./retry-schedule";

describe("the retry schedule", () => {
  it("backs off exponentially-ish over about a day, then gives up", () => {
    const middle = () => 0.5;
    const delays = RETRY_DELAYS_MS.map((_, index) => nextRetryDelay(index + 1, undefined, middle));
    expect(delays).toEqual(RETRY_DELAYS_MS);
    const total = delays.reduce((sum, delay) => (sum ?? 0) + (delay ?? 0), 0) ?? 0;
    expect(total / 3_600_000).toBeGreaterThan(20);
    expect(total / 3_600_000).toBeLessThan(28);
    expect(nextRetryDelay(MAX_ATTEMPTS)).toBeNull();
  });

  it("spreads each delay by ±20 % jitter", () => {
    expect(nextRetryDelay(1, undefined, () => 0)).toBe(8_000);
    expect(nextRetryDelay(1, undefined, () => 1)).toBe(12_000);
  });

  it("waits as long as a Retry-After asks, at least a second", () => {
    expect(nextRetryDelay(1, 30_000)).toBe(30_000);
    expect(nextRetryDelay(2, 0)).toBe(1000);
  });
});
