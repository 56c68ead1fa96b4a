import type { EventGroup } from "../sender";

// The Polar webhook events (the `@polar-sh/sdk/webhooks` payload types; https://polar.sh/docs/api-reference
// webhooks), grouped by the resource each is about, as Polar's event reference lists them. Events of other
// types are still accepted and logged.

export const POLAR_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "checkout",
    name: "Checkout",
    types: [
      { type: "checkout.created", description: "A checkout session was opened" },
      { type: "checkout.updated", description: "A checkout session changed (confirmed, succeeded, failed)" },
      { type: "checkout.expired", description: "A checkout session expired" },
    ],
  },
  {
    id: "orders",
    name: "Orders",
    types: [
      { type: "order.created", description: "An order was created" },
      { type: "order.paid", description: "An order was paid" },
      { type: "order.updated", description: "An order changed" },
      { type: "order.refunded", description: "An order was refunded, fully or in part" },
    ],
  },
  {
    id: "subscriptions",
    name: "Subscriptions",
    types: [
      { type: "subscription.created", description: "A customer subscribed" },
      { type: "subscription.active", description: "A subscription became active" },
      { type: "subscription.updated", description: "A subscription changed" },
      { type: "subscription.canceled", description: "A subscription was canceled (it runs to the period's end)" },
      { type: "subscription.uncanceled", description: "A cancellation was withdrawn" },
      { type: "subscription.past_due", description: "A subscription's renewal payment failed" },
      { type: "subscription.revoked", description: "A subscription ended and its benefits were revoked" },
    ],
  },
  {
    id: "refunds",
    name: "Refunds",
    types: [
      { type: "refund.created", description: "A refund was issued" },
      { type: "refund.updated", description: "A refund's status changed" },
    ],
  },
  {
    id: "customers",
    name: "Customers",
    types: [
      { type: "customer.created", description: "A customer was created" },
      { type: "customer.updated", description: "A customer's details changed" },
      { type: "customer.deleted", description: "A customer was deleted" },
      { type: "customer.state_changed", description: "A customer's subscriptions or benefits changed" },
    ],
  },
  {
    id: "benefits",
    name: "Benefits",
    types: [
      { type: "benefit_grant.created", description: "A customer was granted a benefit" },
      { type: "benefit_grant.updated", description: "A benefit grant changed" },
      { type: "benefit_grant.revoked", description: "A customer's benefit was revoked" },
    ],
  },
  {
    id: "products",
    name: "Products & organization",
    types: [
      { type: "product.created", description: "A product was created" },
      { type: "product.updated", description: "A product changed" },
      { type: "organization.updated", description: "The organization's settings changed" },
    ],
  },
];
