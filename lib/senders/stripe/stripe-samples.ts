// Realistic Stripe webhook events, shaped like the objects in Stripe's API reference and its fixtures
// (stripe/stripe-mock openapi/fixtures.json; field names from the `stripe` package's types, API version
// 2025-06-30.basil), for template previews and "send test event". Amounts are in the currency's minor
// unit, as Stripe sends them. Every call builds new objects; the event id follows `now`, so two test
// events sent a moment apart are two events, not a duplicate.

type Json = Record<string, unknown>;

const ACCOUNT = "acct_1Nv0FGQ9RKHgCVdK";
const CUSTOMER = "cus_QK8kS2bVn4xY7m";
const SUBSCRIPTION = "sub_1PTm4hQ9RKHgCVdKx7Lw2Zc3";
const INVOICE = "in_1PTm4iQ9RKHgCVdK0fGh2Jk4";
const PAYMENT_INTENT = "pi_3PTm4jQ9RKHgCVdK1aBc5Def";
const CHARGE = "ch_3PTm4jQ9RKHgCVdK1uVw8Xyz";
const PRICE = "price_1PSz9aQ9RKHgCVdKm3Np6Qrs";
const PRODUCT = "prod_QJd8Yb3Kc5Ln7M";
const PAYMENT_METHOD = "pm_1PTm4hQ9RKHgCVdKr4St7Uvw";
const DAY = 24 * 60 * 60;

const CUSTOMER_DETAILS = {
  address: {
    city: "London",
    country: "GB",
    line1: "12 St James's Square",
    line2: null,
    postal_code: "SW1Y 4JH",
    state: null,
  },
  email: "ada@example.com",
  name: "Ada Lovelace",
  phone: null,
  tax_exempt: "none",
  tax_ids: [],
};

/** A Stripe-looking id suffix that follows `now`, so each test event has an id of its own. */
function idAt(now: Date, length: number): string {
  return `${now.getTime().toString(36)}Q9RKHgCVdKa7Bc3De5Fg8Hj2`.slice(0, length);
}

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

function invoice(type: string, t: number): Json {
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

function subscription(type: string, t: number): Json {
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

function checkoutSession(type: string, t: number): Json {
  const expired = type === "checkout.session.expired";
  const failed = type === "checkout.session.async_payment_failed";
  return {
    id: "cs_test_a1Kx9mQ2Zr7Wc4Vb8Ny3Lp6Ht5Gf0Jd2Sa9Qe4Rw7Ty1Ui",
    object: "checkout.session",
    amount_subtotal: 4900,
    amount_total: 4900,
    client_reference_id: null,
    created: t - 600,
    currency: "usd",
    customer: expired ? null : CUSTOMER,
    customer_details: expired ? null : { ...CUSTOMER_DETAILS, address: { ...CUSTOMER_DETAILS.address } },
    expires_at: t + DAY,
    livemode: false,
    metadata: {},
    mode: "payment",
    payment_intent: expired ? null : PAYMENT_INTENT,
    payment_status: expired || failed ? "unpaid" : "paid",
    status: expired ? "expired" : "complete",
    subscription: null,
    success_url: "https://acme.example/thanks?session_id={CHECKOUT_SESSION_ID}",
    url: null,
  };
}

function card(): Json {
  return { brand: "visa", country: "US", exp_month: 8, exp_year: 2028, funding: "credit", last4: "4242" };
}

function paymentIntent(type: string, t: number): Json {
  const failed = type === "payment_intent.payment_failed";
  const succeeded = type === "payment_intent.succeeded";
  return {
    id: PAYMENT_INTENT,
    object: "payment_intent",
    amount: 4900,
    amount_received: succeeded ? 4900 : 0,
    canceled_at: type === "payment_intent.canceled" ? t : null,
    cancellation_reason: type === "payment_intent.canceled" ? "abandoned" : null,
    capture_method: "automatic_async",
    created: t - 60,
    currency: "usd",
    customer: CUSTOMER,
    description: "Acme Analytics – Team plan (annual)",
    last_payment_error: failed
      ? {
          charge: CHARGE,
          code: "card_declined",
          decline_code: "insufficient_funds",
          doc_url: "https://stripe.com/docs/error-codes/card-declined",
          message: "Your card has insufficient funds.",
          payment_method: { id: PAYMENT_METHOD, object: "payment_method", card: card(), type: "card" },
          type: "card_error",
        }
      : null,
    latest_charge: CHARGE,
    livemode: false,
    metadata: { order_id: "A-10042" },
    payment_method: failed ? null : PAYMENT_METHOD,
    payment_method_types: ["card"],
    receipt_email: "ada@example.com",
    status: succeeded
      ? "succeeded"
      : failed
        ? "requires_payment_method"
        : type === "payment_intent.canceled"
          ? "canceled"
          : "requires_action",
  };
}

function charge(type: string, t: number): Json {
  const failed = type === "charge.failed";
  const refunded = type === "charge.refunded";
  return {
    id: CHARGE,
    object: "charge",
    amount: 4900,
    amount_captured: failed ? 0 : 4900,
    amount_refunded: refunded ? 4900 : 0,
    billing_details: {
      address: { ...CUSTOMER_DETAILS.address },
      email: "ada@example.com",
      name: "Ada Lovelace",
      phone: null,
    },
    captured: !failed,
    created: t,
    currency: "usd",
    customer: CUSTOMER,
    description: "Acme Analytics – Team plan (annual)",
    disputed: false,
    failure_code: failed ? "card_declined" : null,
    failure_message: failed ? "Your card was declined." : null,
    livemode: false,
    metadata: {},
    outcome: {
      network_status: failed ? "declined_by_network" : "approved_by_network",
      reason: failed ? "generic_decline" : null,
      risk_level: "normal",
      risk_score: 32,
      seller_message: failed ? "The bank did not return any further details with this decline." : "Payment complete.",
      type: failed ? "issuer_declined" : "authorized",
    },
    paid: !failed,
    payment_intent: PAYMENT_INTENT,
    payment_method: PAYMENT_METHOD,
    payment_method_details: { card: card(), type: "card" },
    receipt_email: "ada@example.com",
    receipt_url: `https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xTnYwRkdROVJLSGdDVmRL`,
    refunded,
    status: failed ? "failed" : "succeeded",
  };
}

function dispute(type: string, t: number): Json {
  const closed = type === "charge.dispute.closed";
  return {
    id: "dp_1PTm5kQ9RKHgCVdK3hIj6Klm",
    object: "dispute",
    amount: 4900,
    balance_transactions: [],
    charge: CHARGE,
    created: closed ? t - 20 * DAY : t,
    currency: "usd",
    evidence: { customer_email_address: "ada@example.com", customer_name: "Ada Lovelace", product_description: null },
    evidence_details: { due_by: t + 7 * DAY, has_evidence: closed, past_due: false, submission_count: closed ? 1 : 0 },
    is_charge_refundable: !closed,
    livemode: false,
    metadata: {},
    payment_intent: PAYMENT_INTENT,
    reason: "fraudulent",
    status: closed ? "won" : "needs_response",
  };
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
