import type { EventGroup } from "../sender";

// The Stripe event types Hookbell knows by name, grouped as Stripe's "Types of events" reference groups
// them (https://docs.stripe.com/api/events/types). Events of other types are still accepted and logged.

export const STRIPE_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "checkout",
    name: "Checkout",
    types: [
      { type: "checkout.session.completed", description: "A customer completed a Checkout Session" },
      { type: "checkout.session.async_payment_succeeded", description: "A delayed Checkout payment succeeded" },
      { type: "checkout.session.async_payment_failed", description: "A delayed Checkout payment failed" },
      { type: "checkout.session.expired", description: "A Checkout Session expired unpaid" },
    ],
  },
  {
    id: "invoices",
    name: "Invoices",
    types: [
      { type: "invoice.created", description: "An invoice was created" },
      { type: "invoice.finalized", description: "A draft invoice was finalized" },
      { type: "invoice.paid", description: "An invoice was paid" },
      { type: "invoice.payment_failed", description: "An invoice payment attempt failed" },
      { type: "invoice.payment_action_required", description: "An invoice payment needs the customer's action" },
      { type: "invoice.upcoming", description: "A subscription will invoice soon" },
      { type: "invoice.voided", description: "An invoice was voided" },
      { type: "invoice.marked_uncollectible", description: "An invoice was marked uncollectible" },
    ],
  },
  {
    id: "subscriptions",
    name: "Subscriptions",
    types: [
      { type: "customer.subscription.created", description: "A customer subscribed" },
      { type: "customer.subscription.updated", description: "A subscription changed (plan, status, renewal)" },
      { type: "customer.subscription.deleted", description: "A subscription ended" },
      { type: "customer.subscription.paused", description: "A subscription was paused" },
      { type: "customer.subscription.resumed", description: "A paused subscription was resumed" },
      { type: "customer.subscription.trial_will_end", description: "A trial ends in three days" },
    ],
  },
  {
    id: "charges",
    name: "Charges & disputes",
    types: [
      { type: "charge.succeeded", description: "A charge succeeded" },
      { type: "charge.failed", description: "A charge failed" },
      { type: "charge.refunded", description: "A charge was refunded, fully or in part" },
      { type: "charge.dispute.created", description: "A customer disputed a charge" },
      { type: "charge.dispute.closed", description: "A dispute was won, lost or accepted" },
    ],
  },
  {
    id: "payment-intents",
    name: "Payment intents",
    types: [
      { type: "payment_intent.succeeded", description: "A payment succeeded" },
      { type: "payment_intent.payment_failed", description: "A payment attempt failed" },
      { type: "payment_intent.requires_action", description: "A payment needs the customer's action (3-D Secure)" },
      { type: "payment_intent.canceled", description: "A payment was canceled" },
    ],
  },
  {
    id: "customers",
    name: "Customers",
    types: [
      { type: "customer.created", description: "A customer was created" },
      { type: "customer.updated", description: "A customer's details changed" },
      { type: "customer.deleted", description: "A customer was deleted" },
    ],
  },
];
