import { customer, ORGANIZATION_ID, order, product, refund, subscription } from "./polar-entities";

// A Polar webhook: `{ type, timestamp, data }` (Standard Webhooks signed; the delivery id is the
// webhook-id header, so the body needs no id). Every call builds new objects.

type Json = Record<string, unknown>;

function checkout(type: string, t: number): Json {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
    created_at: iso(t - 120_000),
    modified_at: iso(t),
    payment_processor: "stripe",
    status: type === "checkout.expired" ? "expired" : type === "checkout.updated" ? "succeeded" : "open",
    url: "https://buy.polar.sh/polar_c_8Zk3mW2rTn5Yb7Vc1Lp4Qx9",
    expires_at: iso(t + 60 * 60 * 1000),
    success_url: "https://acme.example/thanks?checkout_id={CHECKOUT_ID}",
    amount: 1500,
    discount_amount: 0,
    net_amount: 1500,
    tax_amount: 300,
    total_amount: 1800,
    currency: "usd",
    organization_id: ORGANIZATION_ID,
    product_id: "5e4a3b2c-9d1f-4e6a-8b7c-0a1b2c3d4e5f",
    customer_id: type === "checkout.created" ? null : "992fae2a-2a17-4b7a-8d9e-e287cf90131b",
    customer_name: "Ada Lovelace",
    customer_email: "ada@example.com",
    metadata: {},
    product: product(t),
    subscription_id: null,
  };
}

function dataOf(type: string, t: number): Json {
  if (type.startsWith("order.")) return order(type, t);
  if (type.startsWith("subscription.")) return subscription(type, t);
  if (type.startsWith("refund.")) return refund(type, t);
  if (type.startsWith("checkout.")) return checkout(type, t);
  if (type.startsWith("product.")) return product(t);
  if (type.startsWith("benefit_grant.")) {
    return {
      id: "f0e1d2c3-b4a5-4968-8776-655443322110",
      created_at: new Date(t).toISOString(),
      is_granted: type !== "benefit_grant.revoked",
      is_revoked: type === "benefit_grant.revoked",
      subscription_id: "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
      customer_id: "992fae2a-2a17-4b7a-8d9e-e287cf90131b",
      benefit_id: "a9b8c7d6-e5f4-4321-8fed-cba987654321",
      customer: customer(t),
    };
  }
  if (type === "organization.updated") {
    return {
      id: ORGANIZATION_ID,
      name: "Acme Analytics",
      slug: "acme",
      created_at: new Date(t - 400 * 86_400_000).toISOString(),
    };
  }
  return customer(t, type);
}

export function samplePolarEvent(type: string, now: Date): Json {
  return { type, timestamp: now.toISOString(), data: dataOf(type, now.getTime()) };
}
