import { describe, expect, it } from "vitest";
import { STRIPE_EVENT_GROUPS } from "./stripe-events";
import { sampleStripeEvent } from "./stripe-samples";

const NOW = new Date("2026-12-03T12:00:00.000Z");
const TYPES = STRIPE_EVENT_GROUPS.flatMap((group) => group.types.map((entry) => entry.type));

describe("Stripe sample events", () => {
  it("wraps each type's object in a Stripe event envelope created at now", () => {
    const objects: Record<string, string> = {
      "checkout.session.completed": "checkout.session",
      "invoice.paid": "invoice",
      "customer.subscription.deleted": "subscription",
      "charge.refunded": "charge",
      "charge.dispute.created": "dispute",
      "payment_intent.payment_failed": "payment_intent",
      "customer.updated": "customer",
    };
    for (const [type, object] of Object.entries(objects)) {
      const event = sampleStripeEvent(type, NOW);
      expect(event).toMatchObject({ object: "event", type, created: NOW.getTime() / 1000, livemode: false });
      expect(event.id).toMatch(/^evt_1[A-Za-z0-9]{23}$/);
      expect((event.data as { object: { object: string } }).object.object).toBe(object);
    }
    expect(TYPES).toHaveLength(30);
  });

  it("gives each moment its own event id, so two test events are not one duplicate", () => {
    const first = sampleStripeEvent("invoice.paid", NOW).id;
    expect(sampleStripeEvent("invoice.paid", NOW).id).toBe(first);
    expect(sampleStripeEvent("invoice.paid", new Date(NOW.getTime() + 1)).id).not.toBe(first);
  });

  it("states the failure where Stripe puts it, with amounts in minor units", () => {
    const invoice = sampleStripeEvent("invoice.payment_failed", NOW).data as { object: Record<string, unknown> };
    expect(invoice.object).toMatchObject({ status: "open", amount_due: 2900, attempt_count: 2, currency: "usd" });
    expect(invoice.object.next_payment_attempt).toBeGreaterThan(NOW.getTime() / 1000);
    const intent = sampleStripeEvent("payment_intent.payment_failed", NOW).data as { object: Record<string, unknown> };
    expect(intent.object).toMatchObject({
      status: "requires_payment_method",
      last_payment_error: { code: "card_declined", decline_code: "insufficient_funds" },
    });
    const paid = sampleStripeEvent("payment_intent.succeeded", NOW).data as { object: Record<string, unknown> };
    expect(paid.object).toMatchObject({ status: "succeeded", last_payment_error: null, amount_received: 4900 });
  });

  it("returns fresh objects on every call", () => {
    const first = sampleStripeEvent("checkout.session.completed", NOW).data as {
      object: { customer_details: { address: { city: string } } };
    };
    first.object.customer_details.address.city = "Paris";
    const second = sampleStripeEvent("checkout.session.completed", NOW).data as typeof first;
    expect(second.object.customer_details.address.city).toBe("London");
  });
});
