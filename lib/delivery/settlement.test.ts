import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./retry-schedule";
import { settlementFor } from "./settlement";

const now = new Date("2026-12-03T12:00:00Z");
const attempt = (cycle: number) => ({ number: cycle, cycle, startedAt: now, durationMs: 12 });

describe("a send's result as the delivery's next state", () => {
  it("retries a transient failure on the schedule, and gives up on the last attempt naming how many", () => {
    const first = settlementFor({ outcome: "retry", statusCode: 500, error: "Slack answered 500" }, attempt(1), now);
    expect(first.kind).toBe("retry");
    const wait = first.kind === "retry" ? first.at.getTime() - now.getTime() : 0;
    expect(wait).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[0] * 0.8);
    expect(wait).toBeLessThanOrEqual(RETRY_DELAYS_MS[0] * 1.2);

    const last = settlementFor({ outcome: "retry", error: "Slack answered 500" }, attempt(MAX_ATTEMPTS), now);
    expect(last).toMatchObject({
      kind: "failed",
      reason: `Gave up after ${MAX_ATTEMPTS} attempts. Slack answered 500`,
      keepsQuota: false,
      // The attempt itself is logged as what it was: one more transient failure.
      attempt: { outcome: "retry", error: "Slack answered 500", number: MAX_ATTEMPTS },
    });
  });

  it("waits exactly as long as the receiver's Retry-After asks", () => {
    const result = settlementFor({ outcome: "retry", error: "rate limited", retryAfterMs: 30_000 }, attempt(2), now);
    expect(result).toMatchObject({ kind: "retry", at: new Date(now.getTime() + 30_000), reason: "rate limited" });
  });

  it("fails a permanent refusal at once and gives its quota unit back", () => {
    const result = settlementFor({ outcome: "failed", statusCode: 404, error: "no_service" }, attempt(1), now);
    expect(result).toMatchObject({ kind: "failed", reason: "no_service", keepsQuota: false });
  });

  it("records a sent attempt with the receiver's answer", () => {
    const result = settlementFor({ outcome: "sent", statusCode: 200, response: "ok" }, attempt(1), now);
    expect(result).toEqual({
      kind: "sent",
      attempt: { ...attempt(1), outcome: "sent", statusCode: 200, response: "ok" },
    });
  });
});
