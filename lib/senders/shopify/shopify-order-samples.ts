// The order side of Shopify's webhook bodies (orders, refunds, customers, fulfillments), shaped like the REST
// Admin API examples Shopify publishes for each topic (shopify.dev/docs/api/webhooks, API version 2025-10):
// prices are decimal strings in the shop's currency, ids are numbers with a GraphQL gid beside them.

export type Json = Record<string, unknown>;

export const SHOP_DOMAIN = "analytical-engines.myshopify.com";
export const ORDER_ID = 5_920_139_821_306;
export const CUSTOMER_ID = 7_412_806_459_642;
export const PRODUCT_ID = 8_103_225_311_482;
export const VARIANT_ID = 44_671_090_409_722;
const LINE_ITEM_ID = 14_872_001_233_146;
export const INVENTORY_ITEM_ID = 46_812_770_205_946;
export const LOCATION_ID = 71_338_229_498;
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export const gid = (kind: string, id: number) => `gid://shopify/${kind}/${id}`;
export const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
export const money = (amount: string) => ({
  shop_money: { amount, currency_code: "USD" },
  presentment_money: { amount, currency_code: "USD" },
});

export function address(): Json {
  return {
    first_name: "Ada",
    last_name: "Lovelace",
    address1: "12 St James's Square",
    address2: null,
    city: "London",
    zip: "SW1Y 4JH",
    province: null,
    country: "United Kingdom",
    country_code: "GB",
    company: null,
    phone: "+44 20 7946 0000",
    name: "Ada Lovelace",
  };
}

export function customer(t: number, created = t - 30 * DAY): Json {
  return {
    id: CUSTOMER_ID,
    email: "ada@example.com",
    created_at: iso(created),
    updated_at: iso(t),
    first_name: "Ada",
    last_name: "Lovelace",
    orders_count: created === t ? 0 : 3,
    state: "enabled",
    total_spent: created === t ? "0.00" : "147.00",
    last_order_id: created === t ? null : ORDER_ID,
    note: null,
    verified_email: true,
    multipass_identifier: null,
    tax_exempt: false,
    tags: "",
    last_order_name: created === t ? null : "#1001",
    currency: "USD",
    phone: "+442079460000",
    addresses: [{ id: 9_336_112_201_082, customer_id: CUSTOMER_ID, ...address(), default: true }],
    email_marketing_consent: { state: "subscribed", opt_in_level: "single_opt_in", consent_updated_at: iso(created) },
    sms_marketing_consent: null,
    admin_graphql_api_id: gid("Customer", CUSTOMER_ID),
    default_address: { id: 9_336_112_201_082, customer_id: CUSTOMER_ID, ...address(), default: true },
  };
}

export function lineItem(): Json {
  return {
    id: LINE_ITEM_ID,
    admin_graphql_api_id: gid("LineItem", LINE_ITEM_ID),
    name: "Difference Engine Poster - A2",
    title: "Difference Engine Poster",
    variant_title: "A2",
    quantity: 2,
    price: "22.00",
    price_set: money("22.00"),
    sku: "DE-POSTER-A2",
    vendor: "Analytical Engines",
    product_id: PRODUCT_ID,
    variant_id: VARIANT_ID,
    requires_shipping: true,
    taxable: true,
    gift_card: false,
    fulfillable_quantity: 2,
    fulfillment_status: null,
    total_discount: "0.00",
    tax_lines: [],
    discount_allocations: [],
  };
}

export type OrderState = "open" | "paid" | "cancelled" | "fulfilled";

export function order(t: number, state: OrderState): Json {
  const placed = state === "open" ? t : t - 2 * MINUTE;
  return {
    id: ORDER_ID,
    admin_graphql_api_id: gid("Order", ORDER_ID),
    name: "#1001",
    order_number: 1001,
    number: 1,
    email: "ada@example.com",
    contact_email: "ada@example.com",
    created_at: iso(placed),
    updated_at: iso(t),
    processed_at: iso(placed),
    cancelled_at: state === "cancelled" ? iso(t) : null,
    cancel_reason: state === "cancelled" ? "customer" : null,
    closed_at: null,
    confirmed: true,
    test: false,
    currency: "USD",
    presentment_currency: "USD",
    subtotal_price: "44.00",
    subtotal_price_set: money("44.00"),
    total_discounts: "0.00",
    total_line_items_price: "44.00",
    total_tax: "0.00",
    total_price: "49.00",
    total_price_set: money("49.00"),
    total_shipping_price_set: money("5.00"),
    total_weight: 400,
    taxes_included: false,
    financial_status: { open: "pending", paid: "paid", cancelled: "voided", fulfilled: "paid" }[state],
    fulfillment_status: state === "fulfilled" ? "fulfilled" : null,
    gateway: "shopify_payments",
    payment_gateway_names: ["shopify_payments"],
    source_name: "web",
    tags: "",
    note: null,
    discount_codes: [],
    browser_ip: "192.0.2.10",
    buyer_accepts_marketing: true,
    order_status_url: `https://${SHOP_DOMAIN}/63718883578/orders/9a2d6c0b1e7f4a3c8d5b2e6f1a9c7d3e/authenticate?key=8e1f`,
    customer: customer(t),
    line_items: [lineItem()],
    shipping_lines: [{ id: 4_911_920_087_290, title: "Standard", code: "Standard", price: "5.00", source: "shopify" }],
    billing_address: address(),
    shipping_address: address(),
    fulfillments: [],
    refunds: [],
  };
}

export function refund(t: number): Json {
  return {
    id: 936_115_617_018,
    admin_graphql_api_id: gid("Refund", 936_115_617_018),
    order_id: ORDER_ID,
    created_at: iso(t),
    processed_at: iso(t),
    note: "Arrived damaged",
    restock: true,
    user_id: 88_712_405_242,
    duties: [],
    refund_line_items: [
      {
        id: 528_761_209_082,
        line_item_id: LINE_ITEM_ID,
        location_id: LOCATION_ID,
        quantity: 1,
        restock_type: "return",
        subtotal: 22.0,
        subtotal_set: money("22.00"),
        total_tax: 0.0,
        line_item: lineItem(),
      },
    ],
    transactions: [
      {
        id: 7_150_238_851_322,
        order_id: ORDER_ID,
        kind: "refund",
        gateway: "shopify_payments",
        status: "success",
        message: "Transaction approved",
        created_at: iso(t),
        test: false,
        parent_id: 7_150_231_118_074,
        processed_at: iso(t),
        amount: "22.00",
        currency: "USD",
        admin_graphql_api_id: gid("OrderTransaction", 7_150_238_851_322),
      },
    ],
    order_adjustments: [],
  };
}

export function fulfillment(t: number, status: string): Json {
  return {
    id: 5_403_118_207_226,
    admin_graphql_api_id: gid("Fulfillment", 5_403_118_207_226),
    order_id: ORDER_ID,
    name: "#1001.1",
    status: "success",
    shipment_status: status,
    service: "manual",
    location_id: LOCATION_ID,
    created_at: iso(t - (status === "confirmed" ? 0 : DAY)),
    updated_at: iso(t),
    tracking_company: "Royal Mail",
    tracking_number: "RM123456785GB",
    tracking_numbers: ["RM123456785GB"],
    tracking_url: "https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB",
    tracking_urls: ["https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB"],
    email: "ada@example.com",
    destination: address(),
    line_items: [lineItem()],
    receipt: {},
  };
}
