import { describe, expect, it } from "vitest";
import type { PresetSpec } from "../senders/preset-spec";
import { composePreset } from "./compose-preset";
import type { TemplateContext } from "./presets";
import { TEMPLATE_FORMATS, type TemplateFormatId } from "./template-formats";

const SPEC: PresetSpec = {
  id: "test-invoice-payment-failed",
  eventType: "invoice.payment_failed",
  name: "Payment failed",
  description: "An invoice payment failed",
  emoji: "⚠️",
  title: "Payment failed: {{money event.data.object.amount_due event.data.object.currency}}",
  lead: '{{default event.data.object.customer_email "A customer"}} could not be charged.',
  facts: [
    { label: "Amount", value: "money event.data.object.amount_due event.data.object.currency" },
    { label: "Invoice", value: "event.data.object.id", code: true },
    { label: "Coupon", value: "event.data.object.coupon" },
  ],
  summary: "Payment of {{money event.data.object.amount_due event.data.object.currency}} failed",
};

function context(object: Record<string, unknown>): TemplateContext {
  return {
    event: { id: "evt_1", type: "invoice.payment_failed", data: { object } },
    eventId: "evt_01TEST",
    eventType: "invoice.payment_failed",
    receivedAt: "2026-12-03T12:00:00.000Z",
    eventUrl: "https://hookbell.test/logs/evt_01TEST",
    webhook: { id: "wh_1", name: "Billing", environment: "production", sender: "stripe" },
  };
}

const INVOICE = { id: "in_1Q2w3E", amount_due: 2000, currency: "usd", customer_email: "ada@example.com" };

function render(format: TemplateFormatId, object: Record<string, unknown> = INVOICE) {
  return JSON.stringify(TEMPLATE_FORMATS[format].render(composePreset(format, SPEC), context(object)));
}

describe("composePreset", () => {
  it("renders the headline, the lead and the facts for every chat kind", () => {
    for (const format of ["slack", "discord", "teams", "telegram"] as const) {
      const out = render(format);
      expect(out, format).toContain("Payment failed: $20.00");
      expect(out, format).toContain("ada@example.com could not be charged.");
      // Discord and Teams escape markdown in values (in\_1Q2w3E reads in_1Q2w3E), so ids are not put in code there.
      expect(out.replace(/\\\\/g, ""), format).toContain("in_1Q2w3E");
      expect(out, format).not.toMatch(/`in\\\\_/);
      // A fact that renders blank is left out rather than shown empty.
      expect(out, format).not.toContain("Coupon");
    }
  });

  it("gives email a subject, an HTML body laid out like the generic preset, and a text body", () => {
    const email = TEMPLATE_FORMATS.email.render(composePreset("email", SPEC), context(INVOICE));
    expect(email.subject).toBe("Payment failed: $20.00");
    expect(email.html).toContain("<title>Payment failed</title>");
    expect(email.html).toContain("ada@example.com could not be charged.");
    expect(email.html).toContain("View event in Hookbell");
    expect(email.html).not.toContain("Coupon");
    expect(email.text).toContain("Invoice: in_1Q2w3E");
    expect(email.text).not.toContain("Coupon");
  });

  it("tags the subject with a non-production environment", () => {
    const staging = { ...context(INVOICE), webhook: { id: "wh_1", name: "Billing", environment: "staging" } };
    expect(TEMPLATE_FORMATS.email.render(composePreset("email", SPEC), staging).subject).toBe(
      "[staging] Payment failed: $20.00",
    );
  });

  it("escapes the sender's values in HTML", () => {
    const email = TEMPLATE_FORMATS.email.render(
      composePreset("email", SPEC),
      context({ ...INVOICE, customer_email: "<script>x</script>" }),
    );
    expect(email.html).not.toContain("<script>x</script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("leaves a signed webhook's body blank: the event goes out in Hookbell's envelope", () => {
    expect(composePreset("webhook", SPEC).body).toBe("");
  });
});
