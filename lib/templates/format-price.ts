import { currencyFormat } from "./format-money";

// Prices as commerce senders send them: a decimal string in the currency's major unit (Shopify's
// "total_price": "49.00" with "currency": "USD" is $49.00), unlike `money`'s minor units.

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/** "$49.00" for ("49.00", "USD"); a number too. The amount as given for an unknown currency; "" for a non-number. */
export function formatPrice(amount: unknown, currency: unknown): string {
  const text = typeof amount === "string" ? amount.trim() : amount;
  const value = typeof text === "string" && DECIMAL.test(text) ? Number(text) : text;
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const format = typeof currency === "string" ? currencyFormat(currency) : null;
  return format ? format.format(value) : String(text);
}
