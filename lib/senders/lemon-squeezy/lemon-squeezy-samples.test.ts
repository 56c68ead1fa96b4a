import { describe, expect, it } from "vitest";
import { sampleLemonSqueezyEvent } from "./lemon-squeezy-samples";

const NOW = new Date("2026-12-03T12:00:00.000Z");

describe("Lemon Squeezy sample payloads", () => {
  it("names the event in meta and the JSON:API resource in data", () => {
    const kinds: Record<string, string> = {
      order_created: "orders",
      subscription_cancelled: "subscriptions",
      subscription_payment_failed: "subscription-invoices",
      license_key_created: "license-keys",
      affiliate_activated: "affiliates",
    };
    for (const [type, resource] of Object.entries(kinds)) {
      const payload = sampleLemonSqueezyEvent(type, NOW);
      expect(payload.meta).toMatchObject({ event_name: type, test_mode: false });
      expect(payload.data).toMatchObject({ type: resource, links: { self: expect.stringContaining(`/${resource}/`) } });
    }
  });

  it("differs from a moment later, so body-hash deduplication keeps two test events apart", () => {
    const body = (at: Date) => JSON.stringify(sampleLemonSqueezyEvent("order_created", at));
    expect(body(NOW)).toBe(body(NOW));
    expect(body(new Date(NOW.getTime() + 1))).not.toBe(body(NOW));
  });

  it("shapes refunds and cancellations as Lemon Squeezy does", () => {
    const attributes = (type: string) => (sampleLemonSqueezyEvent(type, NOW).data as { attributes: object }).attributes;
    expect(attributes("order_refunded")).toMatchObject({ status: "refunded", refunded: true, refunded_amount: 1199 });
    expect(attributes("subscription_cancelled")).toMatchObject({ status: "cancelled", cancelled: true });
    expect(attributes("subscription_payment_failed")).toMatchObject({ billing_reason: "renewal", total: 1199 });
  });
});
