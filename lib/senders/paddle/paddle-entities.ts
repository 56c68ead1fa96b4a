// Paddle Billing entities as notifications carry them, shaped like the examples in Paddle's webhook
// reference (developer.paddle.com/webhooks) with field names from `@paddle/paddle-node-sdk`'s notification
// types. Amounts are strings in the currency's minor unit ("3000" with "USD" is $30.00), as Paddle sends them.

type Json = Record<string, unknown>;

export const IDS = {
  customer: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
  address: "add_01hv8gq3318ktkfengj2r75gfx",
  subscription: "sub_01hv8x29kz0t586xy6zn1a62ny",
  transaction: "txn_01hv8wptq8987qeep44cyrewp9",
  price: "pri_01gsz8x8sawmvhz1pv30nge1ke",
  product: "pro_01gsz4t5hdjse780zja8vvr7jg",
  paymentMethod: "paymtd_01hv8wqg8c5k1y6y7a9gvdq2mb",
};

export const DAY = 24 * 60 * 60 * 1000;
export const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "000Z");

export function product(t: number): Json {
  return {
    id: IDS.product,
    name: "AeroEdit Pro",
    type: "standard",
    status: "active",
    description: "Designed for professional pilots, including all features plus in Basic plus compliance monitoring.",
    tax_category: "standard",
    image_url: "https://paddle.s3.amazonaws.com/user/165798/bT1XUOJAQhOUxGs83cbk_pro.png",
    custom_data: null,
    created_at: iso(t - 400 * DAY),
    updated_at: iso(t - 30 * DAY),
  };
}

export function price(t: number): Json {
  return {
    id: IDS.price,
    product_id: IDS.product,
    name: "Monthly (per seat)",
    type: "standard",
    description: "Monthly",
    status: "active",
    tax_mode: "account_setting",
    unit_price: { amount: "3000", currency_code: "USD" },
    unit_price_overrides: [],
    billing_cycle: { interval: "month", frequency: 1 },
    trial_period: null,
    quantity: { minimum: 1, maximum: 100 },
    custom_data: null,
    created_at: iso(t - 400 * DAY),
    updated_at: iso(t - 30 * DAY),
  };
}

export function subscription(type: string, t: number): Json {
  const canceled = type === "subscription.canceled";
  const status = canceled
    ? "canceled"
    : type === "subscription.past_due"
      ? "past_due"
      : type === "subscription.paused"
        ? "paused"
        : type === "subscription.trialing"
          ? "trialing"
          : "active";
  const start = canceled ? t - 60 * DAY : t;
  return {
    id: IDS.subscription,
    status,
    customer_id: IDS.customer,
    address_id: IDS.address,
    business_id: null,
    currency_code: "USD",
    created_at: iso(start),
    updated_at: iso(t),
    started_at: iso(start),
    first_billed_at: iso(start),
    next_billed_at: canceled ? null : iso(t + 30 * DAY),
    paused_at: status === "paused" ? iso(t) : null,
    canceled_at: canceled ? iso(t) : null,
    discount: null,
    collection_mode: "automatic",
    billing_details: null,
    current_billing_period: canceled ? null : { starts_at: iso(t), ends_at: iso(t + 30 * DAY) },
    billing_cycle: { interval: "month", frequency: 1 },
    scheduled_change: null,
    items: [
      {
        status: "active",
        quantity: 10,
        recurring: true,
        created_at: iso(start),
        updated_at: iso(t),
        previously_billed_at: iso(t),
        next_billed_at: canceled ? null : iso(t + 30 * DAY),
        trial_dates: null,
        price: price(t),
        product: product(t),
      },
    ],
    custom_data: null,
    management_urls: {
      update_payment_method: `https://buyer-portal.paddle.com/subscriptions/${IDS.subscription}/update-payment-method`,
      cancel: `https://buyer-portal.paddle.com/subscriptions/${IDS.subscription}/cancel`,
    },
    import_meta: null,
    ...(type === "subscription.created" ? { transaction_id: IDS.transaction } : {}),
  };
}

export function transaction(type: string, t: number): Json {
  const failed = type === "transaction.payment_failed" || type === "transaction.past_due";
  const paid = ["transaction.paid", "transaction.completed"].includes(type);
  const status = type.slice("transaction.".length).replace("payment_failed", "ready").replace("created", "draft");
  const totals = (amount: number) => ({
    subtotal: String(amount),
    discount: "0",
    tax: String(amount / 5),
    total: String(amount * 1.2),
    credit: "0",
    credit_to_balance: "0",
    balance: "0",
    grand_total: String(amount * 1.2),
    grand_total_tax: String(amount / 5),
    fee: paid ? "1860" : null,
    earnings: paid ? "28140" : null,
    currency_code: "USD",
  });
  return {
    id: IDS.transaction,
    status: ["updated", "revised"].includes(status) ? "completed" : status,
    customer_id: IDS.customer,
    address_id: IDS.address,
    business_id: null,
    custom_data: null,
    origin: "subscription_recurring",
    collection_mode: "automatic",
    subscription_id: IDS.subscription,
    invoice_id: paid ? "inv_01hv8x29nsh54c2pgt0hnq0zkx" : null,
    invoice_number: paid || type === "transaction.billed" ? "325-10566" : null,
    billing_details: null,
    billing_period: { starts_at: iso(t), ends_at: iso(t + 30 * DAY) },
    currency_code: "USD",
    discount_id: null,
    created_at: iso(t - 60_000),
    updated_at: iso(t),
    billed_at: paid ? iso(t) : null,
    revised_at: null,
    items: [{ price: price(t), quantity: 10, proration: null }],
    details: {
      tax_rates_used: [{ tax_rate: "0.2", totals: { subtotal: "30000", discount: "0", tax: "6000", total: "36000" } }],
      totals: totals(30000),
      adjusted_totals: totals(30000),
      payout_totals: paid ? { ...totals(30000) } : null,
      line_items: [
        {
          id: "txnitm_01hv8wt98jahpbm1t1tzr06z6n",
          price_id: IDS.price,
          quantity: 10,
          proration: null,
          tax_rate: "0.2",
          unit_totals: { subtotal: "3000", discount: "0", tax: "600", total: "3600" },
          totals: { subtotal: "30000", discount: "0", tax: "6000", total: "36000" },
          product: product(t),
        },
      ],
    },
    payments: [
      {
        payment_attempt_id: "fb6a5d2c-4a4b-4b1e-8f0a-4bd0d1f2c3a1",
        stored_payment_method_id: "7c1f6f5e-3a2b-4c1d-9e8f-0a1b2c3d4e5f",
        payment_method_id: IDS.paymentMethod,
        amount: "36000",
        status: failed ? "error" : paid ? "captured" : "authorized",
        error_code: failed ? "declined" : null,
        method_details: {
          type: "card",
          card: { type: "visa", last4: "3184", expiry_month: 5, expiry_year: 2028, cardholder_name: "Ada Lovelace" },
        },
        created_at: iso(t - 30_000),
        captured_at: paid ? iso(t) : null,
      },
    ],
    checkout: { url: `https://aeroedit.com/pay?_ptxn=${IDS.transaction}` },
  };
}

/** The entity of any other type: its own object where it is small, else the customer's. */
