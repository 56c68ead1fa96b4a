import type { PresetSpec } from "../preset-spec";

// Presets for the Polar events people alert on. Paths follow the payload's `data` as Polar sends it
// (lib/senders/polar/polar-entities.ts); amounts are cents, formatted by `money`.

const D = "event.data";
const TOTAL = `money ${D}.total_amount ${D}.currency`;
const PRICE = `money ${D}.amount ${D}.currency`;

export const POLAR_PRESETS: PresetSpec[] = [
  {
    id: "polar-order-paid",
    eventType: "order.paid",
    name: "Order paid",
    description: "A customer paid an order (a purchase or a renewal)",
    emoji: "💰",
    title: `Order paid: {{${TOTAL}}}`,
    lead: `{{default ${D}.customer.name "A customer"}} paid for {{default ${D}.product.name "an order"}} ({{${D}.billing_reason}}).`,
    facts: [
      { label: "Total", value: TOTAL },
      { label: "Product", value: `${D}.product.name` },
      { label: "Customer", value: `${D}.customer.email` },
      { label: "Reason", value: `${D}.billing_reason` },
      { label: "Invoice", value: `${D}.invoice_number`, code: true },
    ],
    summary: `Order of {{${TOTAL}}} paid by {{default ${D}.customer.email "a customer"}}`,
  },
  {
    id: "polar-subscription-created",
    eventType: "subscription.created",
    name: "New subscription",
    description: "A customer subscribed",
    emoji: "🎉",
    title: `New subscription: {{${D}.product.name}}`,
    lead: `{{default ${D}.customer.name "A customer"}} subscribed at {{${PRICE}}} per {{${D}.recurring_interval}}.`,
    facts: [
      { label: "Product", value: `${D}.product.name` },
      { label: "Price", value: PRICE },
      { label: "Customer", value: `${D}.customer.email` },
      { label: "Status", value: `${D}.status` },
      { label: "Renews", value: `formatDate ${D}.current_period_end "date"` },
    ],
    summary: `New {{${D}.product.name}} subscription for {{default ${D}.customer.email "a customer"}}`,
  },
  {
    id: "polar-subscription-canceled",
    eventType: "subscription.canceled",
    name: "Subscription canceled",
    description: "A subscription was canceled; it runs until the end of its period",
    emoji: "👋",
    title: `Subscription canceled: {{${D}.product.name}}`,
    lead: `{{default ${D}.customer.email "A customer"}} canceled; access ends {{formatDate ${D}.ends_at "date"}}.`,
    facts: [
      { label: "Product", value: `${D}.product.name` },
      { label: "Price", value: PRICE },
      { label: "Customer", value: `${D}.customer.email` },
      { label: "Reason", value: `${D}.customer_cancellation_reason` },
      { label: "Comment", value: `${D}.customer_cancellation_comment` },
      { label: "Ends", value: `formatDate ${D}.ends_at "date"` },
    ],
    summary: `{{default ${D}.customer.email "A customer"}} canceled {{${D}.product.name}}`,
  },
  {
    id: "polar-subscription-revoked",
    eventType: "subscription.revoked",
    name: "Subscription revoked",
    description: "A subscription ended and the customer lost its benefits",
    emoji: "⛔",
    title: `Subscription ended: {{${D}.product.name}}`,
    lead: `{{default ${D}.customer.email "A customer"}}'s subscription ended and its benefits were revoked.`,
    facts: [
      { label: "Product", value: `${D}.product.name` },
      { label: "Price", value: PRICE },
      { label: "Customer", value: `${D}.customer.email` },
      { label: "Ended", value: `formatDate ${D}.ended_at` },
      { label: "Subscription", value: `${D}.id`, code: true },
    ],
    summary: `{{default ${D}.customer.email "A customer"}}'s {{${D}.product.name}} subscription was revoked`,
  },
  {
    id: "polar-refund-created",
    eventType: "refund.created",
    name: "Refund issued",
    description: "A refund was issued for an order",
    emoji: "↩️",
    title: `Refund: {{money ${D}.amount ${D}.currency}}`,
    lead: `A refund of {{money ${D}.amount ${D}.currency}} was issued ({{${D}.reason}}).`,
    facts: [
      { label: "Amount", value: `money ${D}.amount ${D}.currency` },
      { label: "Reason", value: `${D}.reason` },
      { label: "Status", value: `${D}.status` },
      { label: "Order", value: `${D}.order_id`, code: true },
      { label: "Customer", value: `${D}.customer_id`, code: true },
    ],
    summary: `Refund of {{money ${D}.amount ${D}.currency}} issued ({{${D}.reason}})`,
  },
];
