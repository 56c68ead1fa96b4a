import type { PresetSpec } from "../preset-spec";

// What shop owners alert on: new and paid orders, cancellations, refunds, new customers, and the app
// being uninstalled. Shopify's prices are decimal strings in major units, so amounts use `price`.

const TOTAL = "price event.total_price event.currency";

export const SHOPIFY_PRESETS: PresetSpec[] = [
  {
    id: "shopify-orders-create",
    eventType: "orders/create",
    name: "New order",
    description: "A customer placed an order: its number, total, customer and first item.",
    emoji: "🛒",
    title: "New order {{event.name}}: {{price event.total_price event.currency}}",
    lead: "{{default event.customer.first_name event.email}} placed order {{event.name}}.",
    facts: [
      { label: "Total", value: TOTAL },
      { label: "Customer", value: "event.email" },
      { label: "Item", value: "event.line_items.[0].name" },
      { label: "Payment", value: "event.financial_status" },
      { label: "Order", value: "event.name", code: true },
    ],
    summary: "Order {{event.name}} of {{price event.total_price event.currency}} placed by {{event.email}}",
  },
  {
    id: "shopify-orders-paid",
    eventType: "orders/paid",
    name: "Order paid",
    description: "An order was paid in full.",
    emoji: "💰",
    title: "Order paid: {{event.name}}, {{price event.total_price event.currency}}",
    lead: "Payment for order {{event.name}} was captured in full.",
    facts: [
      { label: "Total", value: TOTAL },
      { label: "Customer", value: "event.email" },
      { label: "Gateway", value: "event.gateway" },
      { label: "Order", value: "event.name", code: true },
    ],
    summary: "Order {{event.name}} paid: {{price event.total_price event.currency}} from {{event.email}}",
  },
  {
    id: "shopify-orders-cancelled",
    eventType: "orders/cancelled",
    name: "Order cancelled",
    description: "An order was cancelled: why, its total and the customer.",
    emoji: "❌",
    title: "Order cancelled: {{event.name}}",
    lead: "Order {{event.name}} ({{price event.total_price event.currency}}) was cancelled.",
    facts: [
      { label: "Reason", value: "event.cancel_reason" },
      { label: "Total", value: TOTAL },
      { label: "Customer", value: "event.email" },
      { label: "Payment", value: "event.financial_status" },
      { label: "Cancelled", value: "formatDate event.cancelled_at" },
    ],
    summary: "Order {{event.name}} cancelled ({{event.cancel_reason}}), {{price event.total_price event.currency}}",
  },
  {
    id: "shopify-refunds-create",
    eventType: "refunds/create",
    name: "Refund issued",
    description: "A refund was issued on an order: the amount, item and note.",
    emoji: "↩️",
    title: "Refund of {{price event.transactions.[0].amount event.transactions.[0].currency}}",
    lead: "A refund was issued on order {{event.order_id}}.",
    facts: [
      { label: "Amount", value: "price event.transactions.[0].amount event.transactions.[0].currency" },
      { label: "Item", value: "event.refund_line_items.[0].line_item.name" },
      { label: "Quantity", value: "event.refund_line_items.[0].quantity" },
      { label: "Note", value: "event.note" },
      { label: "Order ID", value: "event.order_id", code: true },
    ],
    summary:
      "Refund of {{price event.transactions.[0].amount event.transactions.[0].currency}} on order {{event.order_id}}",
  },
  {
    id: "shopify-customers-create",
    eventType: "customers/create",
    name: "New customer",
    description: "A customer account was created: name, email and marketing consent.",
    emoji: "🙋",
    title: "New customer: {{event.first_name}} {{event.last_name}}",
    lead: "{{event.first_name}} {{event.last_name}} created a customer account.",
    facts: [
      { label: "Email", value: "event.email" },
      { label: "Phone", value: "event.phone" },
      { label: "Email marketing", value: "event.email_marketing_consent.state" },
      { label: "Customer ID", value: "event.id", code: true },
    ],
    summary: "New customer {{event.first_name}} {{event.last_name}} ({{event.email}})",
  },
  {
    id: "shopify-app-uninstalled",
    eventType: "app/uninstalled",
    name: "App uninstalled",
    description: "A shop uninstalled the app: the shop, its owner and plan.",
    emoji: "👋",
    title: "App uninstalled by {{event.name}}",
    lead: "{{event.name}} ({{event.myshopify_domain}}) uninstalled the app.",
    facts: [
      { label: "Shop", value: "event.myshopify_domain", code: true },
      { label: "Owner", value: "event.shop_owner" },
      { label: "Email", value: "event.email" },
      { label: "Plan", value: "event.plan_display_name" },
      { label: "Country", value: "event.country_name" },
    ],
    summary: "{{event.name}} ({{event.myshopify_domain}}) uninstalled the app",
  },
];
