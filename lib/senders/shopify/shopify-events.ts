import type { EventGroup } from "../sender";

// Shopify's webhook topics Hookbell knows by name, grouped as Shopify's topic reference groups them
// (shopify.dev/docs/api/webhooks). Requests of other topics are still accepted and logged.

export const SHOPIFY_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "orders",
    name: "Orders",
    types: [
      { type: "orders/create", description: "A customer placed an order" },
      { type: "orders/updated", description: "An order changed" },
      { type: "orders/paid", description: "An order was paid in full" },
      { type: "orders/cancelled", description: "An order was cancelled" },
      { type: "orders/fulfilled", description: "Every item of an order was fulfilled" },
      { type: "orders/partially_fulfilled", description: "Some items of an order were fulfilled" },
      { type: "orders/edited", description: "An order was edited after it was placed" },
      { type: "orders/delete", description: "An order was deleted" },
    ],
  },
  {
    id: "refunds",
    name: "Refunds",
    types: [{ type: "refunds/create", description: "A refund was issued on an order" }],
  },
  {
    id: "customers",
    name: "Customers",
    types: [
      { type: "customers/create", description: "A customer account was created" },
      { type: "customers/update", description: "A customer's details changed" },
      { type: "customers/delete", description: "A customer was deleted" },
      { type: "customers/enable", description: "A customer account was activated" },
      { type: "customers/disable", description: "A customer account was disabled" },
    ],
  },
  {
    id: "products",
    name: "Products",
    types: [
      { type: "products/create", description: "A product was created" },
      { type: "products/update", description: "A product changed" },
      { type: "products/delete", description: "A product was deleted" },
    ],
  },
  {
    id: "inventory",
    name: "Inventory",
    types: [
      { type: "inventory_levels/update", description: "A stock level at a location changed" },
      { type: "inventory_levels/connect", description: "An item was stocked at a location" },
      { type: "inventory_levels/disconnect", description: "An item was removed from a location" },
      { type: "inventory_items/create", description: "An inventory item was created" },
      { type: "inventory_items/update", description: "An inventory item changed" },
      { type: "inventory_items/delete", description: "An inventory item was deleted" },
    ],
  },
  {
    id: "fulfillments",
    name: "Fulfillments",
    types: [
      { type: "fulfillments/create", description: "Items of an order were fulfilled" },
      { type: "fulfillments/update", description: "A fulfillment's status or tracking changed" },
    ],
  },
  {
    id: "app",
    name: "App",
    types: [
      { type: "app/uninstalled", description: "A shop uninstalled the app" },
      { type: "app/scopes_update", description: "The app's access scopes on a shop changed" },
      { type: "app_subscriptions/update", description: "A shop's subscription to the app changed" },
    ],
  },
];
