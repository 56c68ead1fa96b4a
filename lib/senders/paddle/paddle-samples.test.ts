import { describe, expect, it } from "vitest";
import { samplePaddleEvent } from "./paddle-samples";

const NOW = new Date("2026-12-03T12:00:00.000Z");

describe("Paddle sample notifications", () => {
  it("carries the event and this notification's id, both following now", () => {
    const event = samplePaddleEvent("transaction.completed", NOW);
    expect(event).toMatchObject({ event_type: "transaction.completed", occurred_at: "2026-12-03T12:00:00.000000Z" });
    expect(event.event_id).toMatch(/^evt_01[0-9a-z]{24}$/);
    expect(event.notification_id).toMatch(/^ntf_01[0-9a-z]{24}$/);
    expect(samplePaddleEvent("transaction.completed", new Date(NOW.getTime() + 1)).notification_id).not.toBe(
      event.notification_id,
    );
  });

  it("sends amounts as strings of minor units, and a failed payment attempt with its error code", () => {
    const failed = samplePaddleEvent("transaction.payment_failed", NOW).data as Record<string, unknown>;
    expect(failed).toMatchObject({
      status: "ready",
      currency_code: "USD",
      details: { totals: { grand_total: "36000", currency_code: "USD" } },
      payments: [{ status: "error", error_code: "declined", amount: "36000" }],
    });
    const completed = samplePaddleEvent("transaction.completed", NOW).data as Record<string, unknown>;
    expect(completed).toMatchObject({
      status: "completed",
      invoice_number: "325-10566",
      billed_at: expect.any(String),
    });
  });

  it("gives each subscription event its status", () => {
    const status = (type: string) => (samplePaddleEvent(type, NOW).data as { status: string }).status;
    expect(status("subscription.created")).toBe("active");
    expect(status("subscription.canceled")).toBe("canceled");
    expect(status("subscription.past_due")).toBe("past_due");
    expect(samplePaddleEvent("subscription.canceled", NOW).data).toMatchObject({ next_billed_at: null });
    expect(samplePaddleEvent("adjustment.created", NOW).data).toMatchObject({
      action: "refund",
      status: "pending_approval",
    });
  });
});
