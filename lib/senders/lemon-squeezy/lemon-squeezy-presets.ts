import type { PresetSpec } from "../preset-spec";

// Presets for the Lemon Squeezy events people alert on. Paths follow the JSON:API resource Lemon Squeezy
// sends (lib/senders/lemon-squeezy/lemon-squeezy-samples.ts); amounts are cents, formatted by `money`.

const A = "event.data.attributes";
const TOTAL = `money ${A}.total ${A}.currency`;
const PRODUCT = `${A}.first_order_item.product_name`;

export const LEMON_SQUEEZY_PRESETS: PresetSpec[] = [
  {
    id: "lemon-squeezy-order-created",
    eventType: "order_created",
    name: "New order",
    description: "A customer placed an order",
    emoji: "🍋",
    title: `New order: {{${TOTAL}}}`,
    lead: `{{default ${A}.user_name "A customer"}} bought {{default ${PRODUCT} "a product"}}.`,
    facts: [
      { label: "Total", value: TOTAL },
      { label: "Product", value: PRODUCT },
      { label: "Variant", value: `${A}.first_order_item.variant_name` },
      { label: "Customer", value: `${A}.user_email` },
      { label: "Order", value: `${A}.order_number`, code: true },
    ],
    summary: `Order #{{${A}.order_number}} of {{${TOTAL}}} from {{default ${A}.user_email "a customer"}}`,
  },
  {
    id: "lemon-squeezy-order-refunded",
    eventType: "order_refunded",
    name: "Order refunded",
    description: "An order was refunded",
    emoji: "↩️",
    title: `Order refunded: {{money ${A}.refunded_amount ${A}.currency}}`,
    lead: `Order #{{${A}.order_number}} from {{default ${A}.user_email "a customer"}} was refunded.`,
    facts: [
      { label: "Refunded", value: `money ${A}.refunded_amount ${A}.currency` },
      { label: "Order total", value: TOTAL },
      { label: "Product", value: PRODUCT },
      { label: "Customer", value: `${A}.user_email` },
      { label: "Order", value: `${A}.order_number`, code: true },
    ],
    summary: `Order #{{${A}.order_number}} refunded: {{money ${A}.refunded_amount ${A}.currency}}`,
  },
  {
    id: "lemon-squeezy-subscription-created",
    eventType: "subscription_created",
    name: "New subscription",
    description: "A customer subscribed",
    emoji: "🎉",
    title: `New subscription: {{${A}.product_name}}`,
    lead: `{{default ${A}.user_name "A customer"}} subscribed to {{${A}.product_name}} ({{${A}.variant_name}}).`,
    facts: [
      { label: "Product", value: `${A}.product_name` },
      { label: "Plan", value: `${A}.variant_name` },
      { label: "Customer", value: `${A}.user_email` },
      { label: "Status", value: `${A}.status_formatted` },
      { label: "Renews", value: `formatDate ${A}.renews_at "date"` },
    ],
    summary: `New {{${A}.product_name}} subscription for {{default ${A}.user_email "a customer"}}`,
  },
  {
    id: "lemon-squeezy-subscription-cancelled",
    eventType: "subscription_cancelled",
    name: "Subscription cancelled",
    description: "A subscription was cancelled; it runs until the end of its period",
    emoji: "👋",
    title: `Subscription cancelled: {{${A}.product_name}}`,
    lead: `{{default ${A}.user_email "A customer"}} cancelled; access ends {{formatDate ${A}.ends_at "date"}}.`,
    facts: [
      { label: "Product", value: `${A}.product_name` },
      { label: "Plan", value: `${A}.variant_name` },
      { label: "Customer", value: `${A}.user_email` },
      { label: "Ends", value: `formatDate ${A}.ends_at "date"` },
      { label: "Subscription", value: "event.data.id", code: true },
    ],
    summary: `{{default ${A}.user_email "A customer"}} cancelled {{${A}.product_name}}`,
  },
  {
    id: "lemon-squeezy-subscription-payment-failed",
    eventType: "subscription_payment_failed",
    name: "Subscription payment failed",
    description: "A subscription renewal payment failed",
    emoji: "⚠️",
    title: `Payment failed: {{${TOTAL}}}`,
    lead: `Lemon Squeezy could not charge {{default ${A}.user_email "the customer"}} for a {{${A}.billing_reason}}.`,
    facts: [
      { label: "Amount", value: TOTAL },
      { label: "Customer", value: `${A}.user_email` },
      { label: "Card", value: `${A}.card_last_four` },
      { label: "Reason", value: `${A}.billing_reason` },
      { label: "Subscription", value: `${A}.subscription_id`, code: true },
    ],
    summary: `Subscription payment of {{${TOTAL}}} failed for {{default ${A}.user_email "a customer"}}`,
  },
];
