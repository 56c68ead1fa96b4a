import {
  CUSTOMER_ID,
  customer,
  DAY,
  fulfillment,
  gid,
  INVENTORY_ITEM_ID,
  iso,
  type Json,
  LOCATION_ID,
  ORDER_ID,
  order,
  PRODUCT_ID,
  refund,
  SHOP_DOMAIN,
  VARIANT_ID,
} from "./shopify-order-samples";

// Realistic Shopify webhook bodies for every topic in the catalog: the order side comes from
// shopify-order-samples.ts, products, inventory and the app's own topics from here. Every call builds new
// objects.

function product(t: number, created: number): Json {
  return {
    id: PRODUCT_ID,
    admin_graphql_api_id: gid("Product", PRODUCT_ID),
    title: "Difference Engine Poster",
    body_html: "<p>Babbage's Difference Engine No. 1, printed on archival paper.</p>",
    vendor: "Analytical Engines",
    product_type: "Poster",
    handle: "difference-engine-poster",
    created_at: iso(created),
    updated_at: iso(t),
    published_at: iso(created),
    status: "active",
    tags: "posters, history",
    variants: [
      {
        id: VARIANT_ID,
        product_id: PRODUCT_ID,
        title: "A2",
        price: "22.00",
        sku: "DE-POSTER-A2",
        position: 1,
        inventory_policy: "deny",
        compare_at_price: null,
        inventory_item_id: INVENTORY_ITEM_ID,
        inventory_quantity: 37,
        created_at: iso(created),
        updated_at: iso(t),
        admin_graphql_api_id: gid("ProductVariant", VARIANT_ID),
      },
    ],
    options: [{ id: 10_214_662_193_402, product_id: PRODUCT_ID, name: "Size", position: 1, values: ["A2"] }],
    images: [],
    image: null,
  };
}

function inventoryItem(t: number): Json {
  return {
    id: INVENTORY_ITEM_ID,
    sku: "DE-POSTER-A2",
    created_at: iso(t - 30 * DAY),
    updated_at: iso(t),
    requires_shipping: true,
    cost: "6.50",
    country_code_of_origin: "GB",
    province_code_of_origin: null,
    harmonized_system_code: null,
    tracked: true,
    country_harmonized_system_codes: [],
    admin_graphql_api_id: gid("InventoryItem", INVENTORY_ITEM_ID),
  };
}

function inventoryLevel(t: number, available: number | null): Json {
  return {
    inventory_item_id: INVENTORY_ITEM_ID,
    location_id: LOCATION_ID,
    available,
    updated_at: iso(t),
    admin_graphql_api_id: `gid://shopify/InventoryLevel/${LOCATION_ID}?inventory_item_id=${INVENTORY_ITEM_ID}`,
  };
}

function shop(t: number): Json {
  return {
    id: 63_718_883_578,
    name: "Analytical Engines",
    email: "owner@analytical-engines.example",
    domain: "shop.analytical-engines.example",
    myshopify_domain: SHOP_DOMAIN,
    shop_owner: "Charles Babbage",
    plan_name: "basic",
    plan_display_name: "Basic",
    country_code: "GB",
    country_name: "United Kingdom",
    city: "London",
    currency: "USD",
    weight_unit: "kg",
    iana_timezone: "Europe/London",
    primary_locale: "en",
    created_at: iso(t - 400 * DAY),
    updated_at: iso(t),
  };
}

function appSubscription(t: number): Json {
  return {
    app_subscription: {
      admin_graphql_api_id: "gid://shopify/AppSubscription/29_113_760_250",
      name: "Pro plan",
      status: "ACTIVE",
      admin_graphql_api_shop_id: "gid://shopify/Shop/63718883578",
      created_at: iso(t - DAY),
      updated_at: iso(t),
      currency: "USD",
      capped_amount: "100.0",
      price: "19.00",
      interval: "every_30_days",
      plan_handle: "pro",
    },
  };
}

/** A Shopify webhook body of `topic` at `now`; an unknown topic gets an order, the most common subject. */
export function sampleShopifyEvent(topic: string, now: Date = new Date()): Json {
  const t = Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  switch (topic) {
    case "orders/create":
      return order(t, "open");
    case "orders/paid":
    case "orders/updated":
    case "orders/edited":
      return order(t, "paid");
    case "orders/cancelled":
      return order(t, "cancelled");
    case "orders/fulfilled":
    case "orders/partially_fulfilled":
      return order(t, "fulfilled");
    case "orders/delete":
      return { id: ORDER_ID };
    case "refunds/create":
      return refund(t);
    case "customers/create":
      return customer(t, t);
    case "customers/delete":
      return {
        id: CUSTOMER_ID,
        phone: null,
        addresses: [],
        tax_exemptions: [],
        admin_graphql_api_id: gid("Customer", CUSTOMER_ID),
      };
    case "customers/disable":
      return { ...customer(t), state: "disabled" };
    case "products/create":
      return product(t, t);
    case "products/delete":
      return { id: PRODUCT_ID };
    case "inventory_levels/update":
    case "inventory_levels/connect":
      return inventoryLevel(t, topic === "inventory_levels/connect" ? 0 : 3);
    case "inventory_levels/disconnect":
      return { inventory_item_id: INVENTORY_ITEM_ID, location_id: LOCATION_ID };
    case "inventory_items/delete":
      return {
        id: INVENTORY_ITEM_ID,
        country_code_of_origin: null,
        province_code_of_origin: null,
        harmonized_system_code: null,
        country_harmonized_system_codes: [],
      };
    case "fulfillments/create":
      return fulfillment(t, "confirmed");
    case "fulfillments/update":
      return fulfillment(t, "in_transit");
    case "app/uninstalled":
      return shop(t);
    case "app/scopes_update":
      return {
        id: 1_085_312_401_530,
        previous: ["read_orders"],
        current: ["read_orders", "read_customers"],
        created_at: iso(t - 400 * DAY),
        updated_at: iso(t),
      };
    case "app_subscriptions/update":
      return appSubscription(t);
  }
  if (topic.startsWith("customers/")) return customer(t);
  if (topic.startsWith("products/")) return product(t, t - 30 * DAY);
  if (topic.startsWith("inventory_items/")) return inventoryItem(t);
  return order(t, "paid");
}
