/**
 * An event type a test event can be sent as: "user.created", "invoice.payment_failed",
 * "pull_request.opened", and Shopify's topics with a slash ("orders/create").
 */
export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9_./-]{0,99}$/;
