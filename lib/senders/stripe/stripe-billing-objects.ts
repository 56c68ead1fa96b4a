import { ACCOUNT, CUSTOMER, DAY, INVOICE, PAYMENT_METHOD, PRICE, PRODUCT, SUBSCRIPTION } from "./stripe-sample-ids";

// Stripe Billing objects (invoice, subscription and its price) as webhook events carry them, API version
// 2025-06-30.basil: the subscription's period is on its items, the invoice's subscription under `parent`.

type Json = Record<string, unknown>;

function price(): Json {
  return {
    id: PRICE,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    currency: "usd",
    nickname: "Pro monthly",
    product: PRODUCT,
    recurring: { interval: "month", interval_count: 1, usage_type: "licensed" },
    type: "recurring",
    unit_amount: 2900,
  };
}

export function invoice(type: string, t: number): Json {
  const paid = type === "invoice.paid";
  const failed = type === "invoice.payment_failed" || type === "invoice.payment_action_required";
  return {
    id: INVOICE,
    object: "invoice",
    account_country: "US",
    account_name: "Acme Analytics",
    amount_due: 2900,
    amount_paid: paid ? 2900 : 0,
    amount_remaining: paid ? 0 : 2900,
    attempt_count: failed ? 2 : paid ? 1 : 0,
    attempted: failed || paid,
    billing_reason: "subscription_cycle",
    collection_method: "charge_automatically",
    created: t - 3600,
    currency: "usd",
    customer: CUSTOMER,
    customer_email: "ada@example.com",
    customer_name: "Ada Lovelace",
    hosted_invoice_url: `https://invoice.stripe.com/i/${ACCOUNT}/test_YWNjdF8xTnYwRkdROVJLSGdDVmRLLF9RSzhr0200xYz`,
    invoice_pdf: `https://pay.stripe.com/invoice/${ACCOUNT}/test_YWNjdF8xTnYwRkdROVJLSGdDVmRLLF9RSzhr0200xYz/pdf`,
    lines: {
      object: "list",
      data: [
        {
          id: "il_1PTm4iQ9RKHgCVdKp2Qr5Stu",
          object: "line_item",
          amount: 2900,
          currency: "usd",
          description: "1 × Pro (at $29.00 / month)",
          period: { start: t, end: t + 30 * DAY },
          quantity: 1,
        },
      ],
      has_more: false,
      total_count: 1,
      url: `/v1/invoices/${INVOICE}/lines`,
    },
    livemode: false,
    metadata: {},
    next_payment_attempt: failed ? t + 3 * DAY : null,
    number: "ACME-0042",
    parent: {
      quote_details: null,
      subscription_details: { metadata: {}, subscription: SUBSCRIPTION },
      type: "subscription_details",
    },
    period_end: t,
    period_start: t - 30 * DAY,
    status: paid
      ? "paid"
      : type === "invoice.voided"
        ? "void"
        : type === "invoice.marked_uncollectible"
          ? "uncollectible"
          : type === "invoice.created"
            ? "draft"
            : "open",
    status_transitions: {
      finalized_at: t - 3500,
      paid_at: paid ? t : null,
      voided_at: null,
      marked_uncollectible_at: null,
    },
    subtotal: 2900,
    total: 2900,
  };
}

export function subscription(type: string, t: number): Json {
  const deleted = type === "customer.subscription.deleted";
  const trial = type === "customer.subscription.trial_will_end";
  const status = deleted
    ? "canceled"
    : trial
      ? "trialing"
      : type === "customer.subscription.paused"
        ? "paused"
        : "active";
  return {
    id: SUBSCRIPTION,
    object: "subscription",
    billing_cycle_anchor: t,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: deleted ? t : null,
    cancellation_details: deleted
      ? { comment: "Moving to an in-house tool.", feedback: "switched_service", reason: "cancellation_requested" }
      : { comment: null, feedback: null, reason: null },
    collection_method: "charge_automatically",
    created: deleted ? t - 90 * DAY : t,
    currency: "usd",
    customer: CUSTOMER,
    default_payment_method: PAYMENT_METHOD,
    ended_at: deleted ? t : null,
    items: {
      object: "list",
      data: [
        {
          id: "si_QK8kT3cWo5zA8n",
          object: "subscription_item",
          created: t,
          current_period_end: t + 30 * DAY,
          current_period_start: t,
          metadata: {},
          price: price(),
          quantity: 1,
          subscription: SUBSCRIPTION,
        },
      ],
      has_more: false,
      total_count: 1,
      url: `/v1/subscription_items?subscription=${SUBSCRIPTION}`,
    },
    latest_invoice: INVOICE,
    livemode: false,
    metadata: {},
    start_date: deleted ? t - 90 * DAY : t,
    status,
    trial_end: trial ? t + 3 * DAY : null,
    trial_start: trial ? t - 11 * DAY : null,
  };
}
