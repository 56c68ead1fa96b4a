import { invoice, subscription } from "./stripe-billing-objects";
import { charge, checkoutSession, dispute, paymentIntent } from "./stripe-payment-objects";
import { CUSTOMER, CUSTOMER_DETAILS, DAY, PAYMENT_METHOD } from "./stripe-sample-ids";

// Realistic Stripe webhook events, shaped like the objects in Stripe's API reference (field names checked
// against the `stripe` package's resource types; an endpoint pinned to API version 2025-06-30.basil), for
// template previews and "send test event". Amounts are in the currency's minor
// unit, as Stripe sends them. Every call builds new objects; the event id follows `now`, so two test
// events sent a moment apart are two events, not a duplicate.

type Json = Record<string, unknown>;

/** A Stripe-looking id suffix that follows `now`, so each test event has an id of its own. */
function idAt(now: Date, length: number): string {
  return `${now.getTime().toString(36)}Q9RKHgCVdKa7Bc3De5Fg8Hj2`.slice(0, length);
}

function customer(type: string, t: number): Json {
  return {
    id: CUSTOMER,
    object: "customer",
    address: { ...CUSTOMER_DETAILS.address },
    balance: 0,
    created: type === "customer.created" ? t : t - 90 * DAY,
    currency: "usd",
    delinquent: false,
    description: null,
    email: "ada@example.com",
    invoice_prefix: "ACME",
    invoice_settings: { custom_fields: null, default_payment_method: PAYMENT_METHOD, footer: null },
    livemode: false,
    metadata: {},
    name: "Ada Lovelace",
    phone: null,
    preferred_locales: ["en"],
    tax_exempt: "none",
  };
}

function objectOf(type: string, t: number): Json {
  if (type.startsWith("checkout.session.")) return checkoutSession(type, t);
  if (type.startsWith("invoice.")) return invoice(type, t);
  if (type.startsWith("customer.subscription.")) return subscription(type, t);
  if (type.startsWith("charge.dispute.")) return dispute(type, t);
  if (type.startsWith("charge.")) return charge(type, t);
  if (type.startsWith("payment_intent.")) return paymentIntent(type, t);
  return customer(type, t);
}

/** A Stripe event of `type` (a snapshot event, as webhook endpoints receive them) created at `now`. */
export function sampleStripeEvent(type: string, now: Date): Json {
  const t = Math.floor(now.getTime() / 1000);
  return {
    id: `evt_1${idAt(now, 23)}`,
    object: "event",
    api_version: "2025-06-30.basil",
    created: t,
    data: { object: objectOf(type, t) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: `req_${idAt(now, 14)}`, idempotency_key: "8f3c2a1e-5b7d-4c9a-a0e6-2d4f6b8c1e3a" },
    type,
  };
}
