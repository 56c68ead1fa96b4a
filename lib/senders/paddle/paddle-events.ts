import type { EventGroup } from "../sender";

// The Paddle Billing event types Hookbell knows by name (the `@paddle/paddle-node-sdk` EventName list),
// grouped by entity as Paddle's notification destination picker and event reference group them
// (https://developer.paddle.com/webhooks/overview). Events of other types are still accepted and logged.

export const PADDLE_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "transactions",
    name: "Transactions",
    types: [
      { type: "transaction.created", description: "A transaction was created" },
      { type: "transaction.ready", description: "A transaction is ready to be paid" },
      { type: "transaction.billed", description: "A transaction was billed (an invoice was issued)" },
      { type: "transaction.paid", description: "A transaction was paid" },
      { type: "transaction.completed", description: "A transaction was paid and fully processed" },
      { type: "transaction.payment_failed", description: "A payment attempt on a transaction failed" },
      { type: "transaction.past_due", description: "A transaction's payment is overdue" },
      { type: "transaction.canceled", description: "A transaction was canceled" },
      { type: "transaction.updated", description: "A transaction changed" },
      { type: "transaction.revised", description: "A billed transaction's customer details were revised" },
    ],
  },
  {
    id: "subscriptions",
    name: "Subscriptions",
    types: [
      { type: "subscription.created", description: "A customer subscribed" },
      { type: "subscription.activated", description: "A subscription became active" },
      { type: "subscription.trialing", description: "A subscription started a trial" },
      { type: "subscription.updated", description: "A subscription changed" },
      { type: "subscription.past_due", description: "A subscription's renewal payment failed" },
      { type: "subscription.paused", description: "A subscription was paused" },
      { type: "subscription.resumed", description: "A paused subscription was resumed" },
      { type: "subscription.canceled", description: "A subscription was canceled" },
      { type: "subscription.imported", description: "A subscription was imported" },
    ],
  },
  {
    id: "customers",
    name: "Customers",
    types: [
      { type: "customer.created", description: "A customer was created" },
      { type: "customer.updated", description: "A customer's details changed" },
      { type: "address.created", description: "A customer address was added" },
      { type: "business.created", description: "A customer business was added" },
      { type: "payment_method.saved", description: "A customer saved a payment method" },
      { type: "payment_method.deleted", description: "A saved payment method was removed" },
    ],
  },
  {
    id: "adjustments",
    name: "Adjustments",
    types: [
      { type: "adjustment.created", description: "A refund or credit was requested" },
      { type: "adjustment.updated", description: "A refund or credit was approved or rejected" },
    ],
  },
  {
    id: "payouts",
    name: "Payouts",
    types: [
      { type: "payout.created", description: "A payout was created" },
      { type: "payout.paid", description: "A payout was paid to you" },
    ],
  },
  {
    id: "catalog",
    name: "Products & prices",
    types: [
      { type: "product.created", description: "A product was created" },
      { type: "product.updated", description: "A product changed" },
      { type: "price.created", description: "A price was created" },
      { type: "price.updated", description: "A price changed" },
      { type: "discount.created", description: "A discount was created" },
    ],
  },
];
