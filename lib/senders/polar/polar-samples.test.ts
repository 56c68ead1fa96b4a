import { describe, expect, it } from "vitest";
import { samplePolarEvent } from "./polar-samples";

const NOW = new Date("2026-12-03T12:00:00.000Z");

describe("Polar sample payloads", () => {
  it("is { type, timestamp, data } with the resource of the type", () => {
    const event = samplePolarEvent("order.paid", NOW);
    expect(event).toMatchObject({ type: "order.paid", timestamp: NOW.toISOString() });
    expect(event.data).toMatchObject({ status: "paid", paid: true, total_amount: 1800, currency: "usd" });
    expect(samplePolarEvent("refund.created", NOW).data).toMatchObject({ reason: "customer_request", amount: 1500 });
  });

  it("tells a canceled subscription (runs to the period's end) from a revoked one (ended now)", () => {
    const canceled = samplePolarEvent("subscription.canceled", NOW).data;
    expect(canceled).toMatchObject({ status: "active", cancel_at_period_end: true, ended_at: null });
    const revoked = samplePolarEvent("subscription.revoked", NOW).data;
    expect(revoked).toMatchObject({ status: "canceled", ended_at: NOW.toISOString() });
  });
});
