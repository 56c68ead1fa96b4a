// Ids and details shared by the Stripe sample objects: one customer, subscription, invoice and payment.

export const ACCOUNT = "acct_1Nv0FGQ9RKHgCVdK";
export const CUSTOMER = "cus_QK8kS2bVn4xY7m";
export const SUBSCRIPTION = "sub_1PTm4hQ9RKHgCVdKx7Lw2Zc3";
export const INVOICE = "in_1PTm4iQ9RKHgCVdK0fGh2Jk4";
export const PAYMENT_INTENT = "pi_3PTm4jQ9RKHgCVdK1aBc5Def";
export const CHARGE = "ch_3PTm4jQ9RKHgCVdK1uVw8Xyz";
export const PRICE = "price_1PSz9aQ9RKHgCVdKm3Np6Qrs";
export const PRODUCT = "prod_QJd8Yb3Kc5Ln7M";
export const PAYMENT_METHOD = "pm_1PTm4hQ9RKHgCVdKr4St7Uvw";
export const DAY = 24 * 60 * 60;

export const CUSTOMER_DETAILS = {
  address: {
    city: "London",
    country: "GB",
    line1: "12 St James's Square",
    line2: null,
    postal_code: "SW1Y 4JH",
    state: null,
  },
  email: "ada@example.com",
  name: "Ada Lovelace",
  phone: null,
  tax_exempt: "none",
  tax_ids: [],
};
