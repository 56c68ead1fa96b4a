import { DAY, IDS, iso, price, product } from "./paddle-entities";

// The smaller Paddle Billing entities (customer, adjustment, payout, address, business, payment method,
// discount) as notifications carry them, with field names from `@paddle/paddle-node-sdk`'s notification types.

type Json = Record<string, unknown>;

export function customer(t: number): Json {
  return {
    id: IDS.customer,
    name: "Ada Lovelace",
    email: "ada@example.com",
    marketing_consent: false,
    status: "active",
    custom_data: null,
    locale: "en",
    created_at: iso(t - 90 * DAY),
    updated_at: iso(t),
    import_meta: null,
  };
}

export function adjustment(type: string, t: number): Json {
  return {
    id: "adj_01hvgf2s84dr6reszzg29zbvcm",
    action: "refund",
    type: "full",
    transaction_id: IDS.transaction,
    subscription_id: IDS.subscription,
    customer_id: IDS.customer,
    reason: "Customer asked for a refund within 14 days.",
    credit_applied_to_balance: null,
    currency_code: "USD",
    status: type === "adjustment.updated" ? "approved" : "pending_approval",
    items: [
      {
        id: "adjitm_01hvgf2s84p6s3y7jn3ktr1rfj",
        item_id: "txnitm_01hv8wt98jahpbm1t1tzr06z6n",
        type: "full",
        amount: "36000",
      },
    ],
    totals: { subtotal: "30000", tax: "6000", total: "36000", fee: "1860", earnings: "28140", currency_code: "USD" },
    created_at: iso(t - 60_000),
    updated_at: iso(t),
  };
}

export function payout(type: string): Json {
  return {
    id: "payout_01hvgqzwqmdy1a4s0y7gmcb2qe",
    status: type === "payout.paid" ? "paid" : "unpaid",
    amount: "1284000",
    currency_code: "USD",
  };
}

export function otherEntity(type: string, t: number): Json {
  if (type.startsWith("product.")) return product(t);
  if (type.startsWith("price.")) return price(t);
  if (type.startsWith("payout.")) return payout(type);
  if (type.startsWith("adjustment.")) return adjustment(type, t);
  if (type.startsWith("address.")) {
    return {
      id: IDS.address,
      customer_id: IDS.customer,
      country_code: "GB",
      postal_code: "SW1Y 4JH",
      city: "London",
      status: "active",
      created_at: iso(t),
      updated_at: iso(t),
    };
  }
  if (type.startsWith("business.")) {
    return {
      id: "biz_01hv8j7xvqk2ehrr1e0jq8n7a3",
      customer_id: IDS.customer,
      name: "Analytical Engines Ltd",
      company_number: "08123456",
      tax_identifier: "GB123456789",
      status: "active",
      created_at: iso(t),
      updated_at: iso(t),
    };
  }
  if (type.startsWith("payment_method.")) {
    return {
      id: IDS.paymentMethod,
      customer_id: IDS.customer,
      address_id: IDS.address,
      type: "card",
      origin: "subscription",
      saved_at: iso(t),
      updated_at: iso(t),
      ...(type === "payment_method.deleted" ? { deleted_at: iso(t) } : {}),
    };
  }
  if (type.startsWith("discount.")) {
    return {
      id: "dsc_01hv6scyf7qdnzcdq01t2y8dx4",
      status: "active",
      description: "Launch week",
      enabled_for_checkout: true,
      code: "LAUNCH20",
      type: "percentage",
      amount: "20",
      currency_code: null,
      created_at: iso(t),
      updated_at: iso(t),
    };
  }
  return customer(t);
}
