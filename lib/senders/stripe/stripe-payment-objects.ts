import { CHARGE, CUSTOMER, CUSTOMER_DETAILS, DAY, PAYMENT_INTENT, PAYMENT_METHOD } from "./stripe-sample-ids";

// Stripe payment objects (Checkout Session, PaymentIntent, Charge, Dispute) as webhook events carry them.

type Json = Record<string, unknown>;

export function checkoutSession(type: string, t: number): Json {
  const expired = type === "checkout.session.expired";
  const failed = type === "checkout.session.async_payment_failed";
  return {
    id: "cs_test_a1Kx9mQ2Zr7Wc4Vb8Ny3Lp6Ht5Gf0Jd2Sa9Qe4Rw7Ty1Ui",
    object: "checkout.session",
    amount_subtotal: 4900,
    amount_total: 4900,
    client_reference_id: null,
    created: t - 600,
    currency: "usd",
    customer: expired ? null : CUSTOMER,
    customer_details: expired ? null : { ...CUSTOMER_DETAILS, address: { ...CUSTOMER_DETAILS.address } },
    expires_at: t + DAY,
    livemode: false,
    metadata: {},
    mode: "payment",
    payment_intent: expired ? null : PAYMENT_INTENT,
    payment_status: expired || failed ? "unpaid" : "paid",
    status: expired ? "expired" : "complete",
    subscription: null,
    success_url: "https://acme.example/thanks?session_id={CHECKOUT_SESSION_ID}",
    url: null,
  };
}

function card(): Json {
  return { brand: "visa", country: "US", exp_month: 8, exp_year: 2028, funding: "credit", last4: "4242" };
}

export function paymentIntent(type: string, t: number): Json {
  const failed = type === "payment_intent.payment_failed";
  const succeeded = type === "payment_intent.succeeded";
  return {
    id: PAYMENT_INTENT,
    object: "payment_intent",
    amount: 4900,
    amount_received: succeeded ? 4900 : 0,
    canceled_at: type === "payment_intent.canceled" ? t : null,
    cancellation_reason: type === "payment_intent.canceled" ? "abandoned" : null,
    capture_method: "automatic_async",
    created: t - 60,
    currency: "usd",
    customer: CUSTOMER,
    description: "Acme Analytics – Team plan (annual)",
    last_payment_error: failed
      ? {
          charge: CHARGE,
          code: "card_declined",
          decline_code: "insufficient_funds",
          doc_url: "https://stripe.com/docs/error-codes/card-declined",
          message: "Your card has insufficient funds.",
          payment_method: { id: PAYMENT_METHOD, object: "payment_method", card: card(), type: "card" },
          type: "card_error",
        }
      : null,
    latest_charge: CHARGE,
    livemode: false,
    metadata: { order_id: "A-10042" },
    payment_method: failed ? null : PAYMENT_METHOD,
    payment_method_types: ["card"],
    receipt_email: "ada@example.com",
    status: succeeded
      ? "succeeded"
      : failed
        ? "requires_payment_method"
        : type === "payment_intent.canceled"
          ? "canceled"
          : "requires_action",
  };
}

export function charge(type: string, t: number): Json {
  const failed = type === "charge.failed";
  const refunded = type === "charge.refunded";
  return {
    id: CHARGE,
    object: "charge",
    amount: 4900,
    amount_captured: failed ? 0 : 4900,
    amount_refunded: refunded ? 4900 : 0,
    billing_details: {
      address: { ...CUSTOMER_DETAILS.address },
      email: "ada@example.com",
      name: "Ada Lovelace",
      phone: null,
    },
    captured: !failed,
    created: t,
    currency: "usd",
    customer: CUSTOMER,
    description: "Acme Analytics – Team plan (annual)",
    disputed: false,
    failure_code: failed ? "card_declined" : null,
    failure_message: failed ? "Your card was declined." : null,
    livemode: false,
    metadata: {},
    outcome: {
      network_status: failed ? "declined_by_network" : "approved_by_network",
      reason: failed ? "generic_decline" : null,
      risk_level: "normal",
      risk_score: 32,
      seller_message: failed ? "The bank did not return any further details with this decline." : "Payment complete.",
      type: failed ? "issuer_declined" : "authorized",
    },
    paid: !failed,
    payment_intent: PAYMENT_INTENT,
    payment_method: PAYMENT_METHOD,
    payment_method_details: { card: card(), type: "card" },
    receipt_email: "ada@example.com",
    receipt_url: `https://pay.stripe.com/receipts/payment/CAcaFwoVYWNjdF8xTnYwRkdROVJLSGdDVmRL`,
    refunded,
    status: failed ? "failed" : "succeeded",
  };
}

export function dispute(type: string, t: number): Json {
  const closed = type === "charge.dispute.closed";
  return {
    id: "dp_1PTm5kQ9RKHgCVdK3hIj6Klm",
    object: "dispute",
    amount: 4900,
    balance_transactions: [],
    charge: CHARGE,
    created: closed ? t - 20 * DAY : t,
    currency: "usd",
    evidence: { customer_email_address: "ada@example.com", customer_name: "Ada Lovelace", product_description: null },
    evidence_details: { due_by: t + 7 * DAY, has_evidence: closed, past_due: false, submission_count: closed ? 1 : 0 },
    is_charge_refundable: !closed,
    livemode: false,
    metadata: {},
    payment_intent: PAYMENT_INTENT,
    reason: "fraudulent",
    status: closed ? "won" : "needs_response",
  };
}
