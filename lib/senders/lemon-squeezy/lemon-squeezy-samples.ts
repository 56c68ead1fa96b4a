// Lemon Squeezy webhook payloads: a JSON:API resource with `meta.event_name`, shaped like the examples in
// Lemon Squeezy's API reference (docs.lemonsqueezy.com/api: the order, subscription, subscription invoice
// and license key objects). Amounts are integers in cents. Lemon Squeezy sends no delivery id, so ingest
// deduplicates on the body: timestamps follow `now` to the millisecond, making each test event its own.
// Every call builds new objects.

type Json = Record<string, unknown>;

const STORE_ID = 1;
const CUSTOMER_ID = 1;
const API = "https://api.lemonsqueezy.com/v1";
const DAY = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "000Z");

function resource(type: string, id: string, attributes: Json, related: string[]): Json {
  const relationships = Object.fromEntries(
    related.map((name) => [
      name,
      { links: { related: `${API}/${type}/${id}/${name}`, self: `${API}/${type}/${id}/relationships/${name}` } },
    ]),
  );
  return { type, id, attributes, relationships, links: { self: `${API}/${type}/${id}` } };
}

function order(type: string, t: number): Json {
  const refunded = type === "order_refunded";
  return resource(
    "orders",
    "2185633",
    {
      store_id: STORE_ID,
      customer_id: CUSTOMER_ID,
      identifier: "104e18a2-d755-4d4b-80c4-a6c1dcbe1c10",
      order_number: 1,
      user_name: "Ada Lovelace",
      user_email: "ada@example.com",
      currency: "USD",
      currency_rate: "1.0000",
      subtotal: 999,
      setup_fee: 0,
      discount_total: 0,
      tax: 200,
      total: 1199,
      refunded_amount: refunded ? 1199 : 0,
      subtotal_usd: 999,
      setup_fee_usd: 0,
      discount_total_usd: 0,
      tax_usd: 200,
      total_usd: 1199,
      refunded_amount_usd: refunded ? 1199 : 0,
      tax_name: "VAT",
      tax_rate: "20.00",
      tax_inclusive: false,
      status: refunded ? "refunded" : "paid",
      status_formatted: refunded ? "Refunded" : "Paid",
      refunded,
      refunded_at: refunded ? iso(t) : null,
      subtotal_formatted: "$9.99",
      setup_fee_formatted: "$0.00",
      discount_total_formatted: "$0.00",
      tax_formatted: "$2.00",
      total_formatted: "$11.99",
      refunded_amount_formatted: refunded ? "$11.99" : "$0.00",
      first_order_item: {
        id: 1,
        order_id: 2185633,
        product_id: 1,
        variant_id: 1,
        price_id: 1,
        product_name: "Pixel Icons Pro",
        variant_name: "Lifetime license",
        price: 999,
        quantity: 1,
        created_at: iso(refunded ? t - 3 * DAY : t),
        updated_at: iso(t),
        test_mode: false,
      },
      urls: {
        receipt:
          "https://app.lemonsqueezy.com/my-orders/104e18a2-d755-4d4b-80c4-a6c1dcbe1c10?signature=8847fff02e1bfb0c7c43ff1cdf1b1657a8eed2029413692663b86859208c9f42",
      },
      created_at: iso(refunded ? t - 3 * DAY : t),
      updated_at: iso(t),
      test_mode: false,
    },
    ["store", "customer", "order-items", "subscriptions", "license-keys", "discount-redemptions"],
  );
}

function subscription(type: string, t: number): Json {
  const cancelled = type === "subscription_cancelled" || type === "subscription_expired";
  const status =
    type === "subscription_cancelled"
      ? "cancelled"
      : type === "subscription_expired"
        ? "expired"
        : type === "subscription_paused"
          ? "paused"
          : "active";
  return resource(
    "subscriptions",
    "1",
    {
      store_id: STORE_ID,
      customer_id: CUSTOMER_ID,
      order_id: 2185633,
      order_item_id: 1,
      product_id: 1,
      variant_id: 1,
      product_name: "Pixel Icons Pro",
      variant_name: "Monthly",
      user_name: "Ada Lovelace",
      user_email: "ada@example.com",
      status,
      status_formatted: status.charAt(0).toUpperCase() + status.slice(1).replace("_", " "),
      card_brand: "visa",
      card_last_four: "4242",
      pause: status === "paused" ? { mode: "void", resumes_at: iso(t + 30 * DAY) } : null,
      cancelled,
      trial_ends_at: null,
      billing_anchor: 12,
      first_subscription_item: {
        id: 1,
        subscription_id: 1,
        price_id: 1,
        quantity: 1,
        is_usage_based: false,
        created_at: iso(t),
        updated_at: iso(t),
      },
      urls: {
        update_payment_method:
          "https://my-store.lemonsqueezy.com/subscription/1/payment-details?expires=1666869343&signature=9985e3bf9007840aeb3951412be475abc17439c449c1af3e56e08e45e1345413",
        customer_portal:
          "https://my-store.lemonsqueezy.com/billing?expires=1666869343&signature=82ae290ceac8edd4190c82825dd73a8743346d894a8ddbc4898b97eb96d105a5",
      },
      renews_at: iso(t + 30 * DAY),
      ends_at: cancelled ? iso(t + 30 * DAY) : null,
      created_at: iso(t - 60 * DAY),
      updated_at: iso(t),
      test_mode: false,
    },
    ["store", "customer", "order", "order-item", "product", "variant", "subscription-items", "subscription-invoices"],
  );
}

function subscriptionInvoice(type: string, t: number): Json {
  const failed = type === "subscription_payment_failed";
  const refunded = type === "subscription_payment_refunded";
  return resource(
    "subscription-invoices",
    "1",
    {
      store_id: STORE_ID,
      subscription_id: 1,
      customer_id: CUSTOMER_ID,
      user_name: "Ada Lovelace",
      user_email: "ada@example.com",
      billing_reason: "renewal",
      card_brand: "visa",
      card_last_four: "4242",
      currency: "USD",
      currency_rate: "1.00000000",
      status: failed ? "pending" : refunded ? "refunded" : "paid",
      status_formatted: failed ? "Pending" : refunded ? "Refunded" : "Paid",
      refunded,
      refunded_at: refunded ? iso(t) : null,
      subtotal: 999,
      discount_total: 0,
      tax: 200,
      tax_inclusive: false,
      total: 1199,
      refunded_amount: refunded ? 1199 : 0,
      subtotal_usd: 999,
      discount_total_usd: 0,
      tax_usd: 200,
      total_usd: 1199,
      refunded_amount_usd: refunded ? 1199 : 0,
      subtotal_formatted: "$9.99",
      discount_total_formatted: "$0.00",
      tax_formatted: "$2.00",
      total_formatted: "$11.99",
      refunded_amount_formatted: refunded ? "$11.99" : "$0.00",
      urls: {
        invoice_url:
          "https://app.lemonsqueezy.com/my-orders/104e18a2-d755-4d4b-80c4-a6c1dcbe1c10/subscription-invoice/1?signature=8847fff02e1bfb0c7c43ff1cdf1b1657a8eed2029413692663b86859208c9f42",
      },
      created_at: iso(t),
      updated_at: iso(t),
      test_mode: false,
    },
    ["store", "subscription", "customer"],
  );
}

function licenseKey(t: number): Json {
  return resource(
    "license-keys",
    "1",
    {
      store_id: STORE_ID,
      customer_id: CUSTOMER_ID,
      order_id: 2185633,
      order_item_id: 1,
      product_id: 1,
      user_name: "Ada Lovelace",
      user_email: "ada@example.com",
      key: "80e15db5-c796-436b-850c-8f9c98a48abe",
      key_short: "XXXX-8f9c98a48abe",
      activation_limit: 5,
      instances_count: 0,
      disabled: false,
      status: "inactive",
      status_formatted: "Inactive",
      expires_at: null,
      created_at: iso(t),
      updated_at: iso(t),
      test_mode: false,
    },
    ["store", "customer", "order", "order-item", "product", "license-key-instances"],
  );
}

function affiliate(t: number): Json {
  return resource(
    "affiliates",
    "1",
    {
      store_id: STORE_ID,
      user_id: 1,
      user_name: "Grace Hopper",
      user_email: "grace@example.com",
      share_domain: "grace.example",
      status: "active",
      application_note: "I review design tools on my blog.",
      products: null,
      total_earnings: 0,
      unpaid_earnings: 0,
      created_at: iso(t),
      updated_at: iso(t),
    },
    ["store", "user"],
  );
}

function dataOf(type: string, t: number): Json {
  if (type.startsWith("order_")) return order(type, t);
  if (type.startsWith("subscription_payment_")) return subscriptionInvoice(type, t);
  if (type.startsWith("license_key_")) return licenseKey(t);
  if (type.startsWith("affiliate_")) return affiliate(t);
  return subscription(type, t);
}

export function sampleLemonSqueezyEvent(type: string, now: Date): Json {
  return {
    meta: {
      test_mode: false,
      event_name: type,
      webhook_id: "3f1e07e5-c8de-4e3b-9a6f-0b2a5c9d7e41",
      custom_data: { user_id: "usr_42" },
    },
    data: dataOf(type, now.getTime()),
  };
}
