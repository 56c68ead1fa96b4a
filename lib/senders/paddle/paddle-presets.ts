import type { PresetSpec } from "../preset-spec";

// Presets for the Paddle Billing events people alert on. Paths follow the notification's `data` as Paddle
// sends it (lib/senders/paddle/paddle-entities.ts); amounts are strings in minor units, formatted by `money`.

const D = "event.data";
const ITEM = `${D}.items.[0]`;
const PLAN = `${ITEM}.product.name`;
const PRICE = `money ${ITEM}.price.unit_price.amount ${ITEM}.price.unit_price.currency_code`;
const TOTAL = `money ${D}.details.totals.grand_total ${D}.currency_code`;

export const PADDLE_PRESETS: PresetSpec[] = [
  {
    id: "paddle-subscription-created",
    eventType: "subscription.created",
    name: "New subscription",
    description: "A customer subscribed",
    emoji: "🎉",
    title: `New subscription: {{default ${PLAN} "a plan"}}`,
    lead: `Customer {{${D}.customer_id}} subscribed to {{${ITEM}.quantity}} × {{${ITEM}.price.name}} at {{${PRICE}}} each.`,
    facts: [
      { label: "Plan", value: PLAN },
      { label: "Price", value: PRICE },
      { label: "Quantity", value: `${ITEM}.quantity` },
      { label: "Status", value: `${D}.status` },
      { label: "Next bill", value: `formatDate ${D}.next_billed_at "date"` },
      { label: "Customer", value: `${D}.customer_id`, code: true },
    ],
    summary: `New {{default ${PLAN} "subscription"}} subscription for customer {{${D}.customer_id}}`,
  },
  {
    id: "paddle-subscription-canceled",
    eventType: "subscription.canceled",
    name: "Subscription canceled",
    description: "A subscription was canceled",
    emoji: "👋",
    title: `Subscription canceled: {{default ${PLAN} "a plan"}}`,
    lead: `Customer {{${D}.customer_id}}'s subscription was canceled on {{formatDate ${D}.canceled_at "date"}}.`,
    facts: [
      { label: "Plan", value: PLAN },
      { label: "Price", value: PRICE },
      { label: "Canceled", value: `formatDate ${D}.canceled_at` },
      { label: "Started", value: `formatDate ${D}.started_at "date"` },
      { label: "Customer", value: `${D}.customer_id`, code: true },
      { label: "Subscription", value: `${D}.id`, code: true },
    ],
    summary: `Subscription {{${D}.id}} of customer {{${D}.customer_id}} canceled`,
  },
  {
    id: "paddle-subscription-past-due",
    eventType: "subscription.past_due",
    name: "Subscription past due",
    description: "A subscription's renewal payment failed",
    emoji: "⚠️",
    title: `Subscription past due: {{default ${PLAN} "a plan"}}`,
    lead: `Paddle could not collect the renewal of customer {{${D}.customer_id}}'s subscription and will retry.`,
    facts: [
      { label: "Plan", value: PLAN },
      { label: "Price", value: PRICE },
      { label: "Quantity", value: `${ITEM}.quantity` },
      { label: "Period ends", value: `formatDate ${D}.current_billing_period.ends_at "date"` },
      { label: "Customer", value: `${D}.customer_id`, code: true },
      { label: "Subscription", value: `${D}.id`, code: true },
    ],
    summary: `Subscription {{${D}.id}} of customer {{${D}.customer_id}} is past due`,
  },
  {
    id: "paddle-transaction-completed",
    eventType: "transaction.completed",
    name: "Transaction completed",
    description: "A payment was collected and processed",
    emoji: "💰",
    title: `Payment received: {{${TOTAL}}}`,
    lead: `Customer {{${D}.customer_id}} paid {{${TOTAL}}} ({{${D}.origin}}).`,
    facts: [
      { label: "Total", value: TOTAL },
      { label: "Earnings", value: `money ${D}.details.totals.earnings ${D}.currency_code` },
      { label: "Invoice", value: `${D}.invoice_number`, code: true },
      { label: "Origin", value: `${D}.origin` },
      { label: "Customer", value: `${D}.customer_id`, code: true },
      { label: "Transaction", value: `${D}.id`, code: true },
    ],
    summary: `Transaction {{${D}.id}} of {{${TOTAL}}} completed`,
  },
  {
    id: "paddle-transaction-payment-failed",
    eventType: "transaction.payment_failed",
    name: "Payment failed",
    description: "A payment attempt on a transaction failed",
    emoji: "❌",
    title: `Payment failed: {{${TOTAL}}}`,
    lead: `A payment attempt by customer {{${D}.customer_id}} failed: {{default ${D}.payments.[0].error_code "declined"}}.`,
    facts: [
      { label: "Amount", value: TOTAL },
      { label: "Error", value: `${D}.payments.[0].error_code` },
      { label: "Card", value: `${D}.payments.[0].method_details.card.last4` },
      { label: "Customer", value: `${D}.customer_id`, code: true },
      { label: "Transaction", value: `${D}.id`, code: true },
    ],
    summary: `Payment of {{${TOTAL}}} failed for customer {{${D}.customer_id}}: {{${D}.payments.[0].error_code}}`,
  },
];
