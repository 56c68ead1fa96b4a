// Polar resources as its webhooks carry them, with the field names and shapes of `@polar-sh/sdk`'s
// payload schemas (Order, Subscription, Refund, Customer, Product…), which its `validateEvent` checks.
// Amounts are integers in cents; times are ISO 8601.

type Json = Record<string, unknown>;

export const ORGANIZATION_ID = "1dbfc517-0bbf-4301-9ba8-555ca42b9737";
const CUSTOMER_ID = "992fae2a-2a17-4b7a-8d9e-e287cf90131b";
const PRODUCT_ID = "5e4a3b2c-9d1f-4e6a-8b7c-0a1b2c3d4e5f";
const PRICE_ID = "8f9e0d1c-2b3a-4c5d-9e6f-7a8b9c0d1e2f";
const SUBSCRIPTION_ID = "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d";
const ORDER_ID = "b5c6d7e8-f9a0-4b1c-8d2e-3f4a5b6c7d8e";
const CHECKOUT_ID = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

export function customer(t: number, type = ""): Json {
  return {
    id: CUSTOMER_ID,
    created_at: iso(t - 90 * DAY),
    modified_at: iso(t),
    metadata: {},
    external_id: "usr_42",
    email: "ada@example.com",
    email_verified: true,
    type: "individual",
    name: "Ada Lovelace",
    billing_name: "Ada Lovelace",
    billing_address: {
      line1: "12 St James's Square",
      line2: null,
      postal_code: "SW1Y 4JH",
      city: "London",
      state: null,
      country: "GB",
    },
    tax_id: null,
    locale: "en",
    organization_id: ORGANIZATION_ID,
    deleted_at: type === "customer.deleted" ? iso(t) : null,
    avatar_url: "https://www.gravatar.com/avatar/6e4d2c7c0d0c1a0b9e8f7a6b5c4d3e2f?d=404",
  };
}

function price(t: number): Json {
  return {
    created_at: iso(t - 120 * DAY),
    modified_at: null,
    id: PRICE_ID,
    source: "catalog",
    amount_type: "fixed",
    price_currency: "usd",
    tax_behavior: null,
    is_archived: false,
    product_id: PRODUCT_ID,
    price_amount: 1500,
    type: "recurring",
    recurring_interval: "month",
  };
}

function productBase(t: number): Json {
  return {
    id: PRODUCT_ID,
    created_at: iso(t - 120 * DAY),
    modified_at: iso(t - 30 * DAY),
    trial_interval: null,
    trial_interval_count: null,
    name: "Pro plan",
    description: "Everything in Starter, plus priority support.",
    visibility: "public",
    recurring_interval: "month",
    recurring_interval_count: 1,
    meter_interval: null,
    meter_interval_count: null,
    is_recurring: true,
    is_archived: false,
    organization_id: ORGANIZATION_ID,
    metadata: {},
  };
}

export function product(t: number): Json {
  return { ...productBase(t), prices: [price(t)], benefits: [], medias: [], attached_custom_fields: [] };
}

function subscriptionCore(type: string, t: number): Json {
  const canceled = type === "subscription.canceled";
  const revoked = type === "subscription.revoked";
  const status = revoked ? "canceled" : type === "subscription.past_due" ? "past_due" : "active";
  const start = type === "subscription.created" ? t : t - 60 * DAY;
  return {
    created_at: iso(start),
    modified_at: iso(t),
    id: SUBSCRIPTION_ID,
    amount: 1500,
    currency: "usd",
    recurring_interval: "month",
    recurring_interval_count: 1,
    status,
    current_period_start: iso(t),
    current_period_end: iso(t + 30 * DAY),
    current_meter_period_start: null,
    current_meter_period_end: null,
    trial_start: null,
    trial_end: null,
    cancel_at_period_end: canceled,
    canceled_at: canceled || revoked ? iso(t) : null,
    started_at: iso(start),
    ends_at: canceled ? iso(t + 30 * DAY) : revoked ? iso(t) : null,
    ended_at: revoked ? iso(t) : null,
    past_due_at: status === "past_due" ? iso(t) : null,
    pause_at_period_end: false,
    paused_at: null,
    resumes_at: null,
    customer_id: CUSTOMER_ID,
    product_id: PRODUCT_ID,
    discount_id: null,
    checkout_id: CHECKOUT_ID,
    seats: null,
    customer_cancellation_reason: canceled || revoked ? "too_expensive" : null,
    customer_cancellation_comment: canceled || revoked ? "We only need it during launches." : null,
    metadata: {},
  };
}

export function subscription(type: string, t: number): Json {
  return {
    ...subscriptionCore(type, t),
    custom_field_data: {},
    customer: customer(t),
    product: product(t),
    discount: null,
    prices: [price(t)],
    meters: [],
    pending_update: null,
  };
}

export function order(type: string, t: number): Json {
  const refunded = type === "order.refunded";
  const paid = type !== "order.created";
  return {
    id: ORDER_ID,
    created_at: iso(t - 60_000),
    modified_at: iso(t),
    status: refunded ? "refunded" : paid ? "paid" : "pending",
    paid,
    subtotal_amount: 1500,
    discount_amount: 0,
    net_amount: 1500,
    tax_amount: 300,
    total_amount: 1800,
    applied_balance_amount: 0,
    due_amount: paid ? 0 : 1800,
    refunded_amount: refunded ? 1800 : 0,
    refunded_tax_amount: refunded ? 300 : 0,
    currency: "usd",
    billing_reason: "subscription_cycle",
    billing_name: "Ada Lovelace",
    billing_address: {
      line1: "12 St James's Square",
      line2: null,
      postal_code: "SW1Y 4JH",
      city: "London",
      state: null,
      country: "GB",
    },
    invoice_number: "ACME-3F2A1B-0007",
    is_invoice_generated: paid,
    receipt_number: paid ? "2718-2818" : null,
    customer_id: CUSTOMER_ID,
    product_id: PRODUCT_ID,
    discount_id: null,
    subscription_id: SUBSCRIPTION_ID,
    checkout_id: null,
    metadata: {},
    custom_field_data: {},
    platform_fee_amount: paid ? 99 : 0,
    platform_fee_currency: "usd",
    customer: customer(t),
    product: productBase(t),
    discount: null,
    subscription: subscriptionCore("subscription.active", t),
    items: [
      {
        created_at: iso(t - 60_000),
        modified_at: null,
        id: "e7f8a9b0-c1d2-4e3f-8a4b-5c6d7e8f9a0b",
        label: "Pro plan",
        amount: 1500,
        tax_amount: 300,
        proration: false,
        product_price_id: PRICE_ID,
      },
    ],
    description: "Pro plan",
    refundable_amount: refunded ? 0 : 1500,
    refundable_tax_amount: refunded ? 0 : 300,
  };
}

export function refund(type: string, t: number): Json {
  return {
    created_at: iso(t),
    modified_at: type === "refund.updated" ? iso(t) : null,
    id: "d4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f7a",
    metadata: {},
    status: type === "refund.updated" ? "succeeded" : "pending",
    reason: "customer_request",
    amount: 1500,
    tax_amount: 300,
    currency: "usd",
    organization_id: ORGANIZATION_ID,
    order_id: ORDER_ID,
    subscription_id: SUBSCRIPTION_ID,
    customer_id: CUSTOMER_ID,
    revoke_benefits: true,
    dispute: null,
  };
}
