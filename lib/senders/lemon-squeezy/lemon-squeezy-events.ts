import type { EventGroup } from "../sender";

// The Lemon Squeezy webhook events (https://docs.lemonsqueezy.com/help/webhooks/event-types), grouped as
// the webhook form in Settings → Webhooks lists them. Events of other types are still accepted and logged.

export const LEMON_SQUEEZY_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "orders",
    name: "Orders",
    types: [
      { type: "order_created", description: "A customer placed an order" },
      { type: "order_refunded", description: "An order was refunded, fully or in part" },
    ],
  },
  {
    id: "subscriptions",
    name: "Subscriptions",
    types: [
      { type: "subscription_created", description: "A customer subscribed" },
      { type: "subscription_updated", description: "A subscription changed" },
      { type: "subscription_cancelled", description: "A subscription was cancelled (it runs to the period's end)" },
      { type: "subscription_resumed", description: "A cancelled subscription was resumed" },
      { type: "subscription_expired", description: "A subscription ended" },
      { type: "subscription_paused", description: "A subscription's payments were paused" },
      { type: "subscription_unpaused", description: "A paused subscription was unpaused" },
      { type: "subscription_plan_changed", description: "A subscription moved to another plan" },
    ],
  },
  {
    id: "subscription-payments",
    name: "Subscription payments",
    types: [
      { type: "subscription_payment_success", description: "A subscription payment succeeded" },
      { type: "subscription_payment_failed", description: "A subscription renewal payment failed" },
      { type: "subscription_payment_recovered", description: "A failed subscription payment was recovered" },
      { type: "subscription_payment_refunded", description: "A subscription payment was refunded" },
    ],
  },
  {
    id: "license-keys",
    name: "License keys",
    types: [
      { type: "license_key_created", description: "A license key was issued" },
      { type: "license_key_updated", description: "A license key changed" },
    ],
  },
  {
    id: "affiliates",
    name: "Affiliates",
    types: [{ type: "affiliate_activated", description: "An affiliate was activated" }],
  },
];
