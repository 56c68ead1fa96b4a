// Amounts as payment senders send them: an integer in the currency's minor unit (Stripe: 2000 with "usd"
// is $20.00; 500 with "jpy" is ¥500), formatted for a reader. Intl knows each currency's decimals.

const formats = new Map<string, Intl.NumberFormat | null>();

/** The en-US currency format of a three-letter code (cached); null when Intl does not know it. */
export function currencyFormat(currency: string): Intl.NumberFormat | null {
  const code = currency.toUpperCase();
  let format = formats.get(code);
  if (format === undefined) {
    try {
      format = /^[A-Z]{3}$/.test(code) ? new Intl.NumberFormat("en-US", { style: "currency", currency: code }) : null;
    } catch {
      format = null;
    }
    if (formats.size < 500) formats.set(code, format);
  }
  return format;
}

/** "$20.00" for (2000, "usd"); a decimal string amount ("20.00", Paddle's totals in minor units as text) too. */
export function formatMoney(amount: unknown, currency: unknown): string {
  const minor = typeof amount === "string" && /^-?\d{1,18}$/.test(amount) ? Number(amount) : amount;
  if (typeof minor !== "number" || !Number.isFinite(minor)) return "";
  const format = typeof currency === "string" ? currencyFormat(currency) : null;
  if (!format) return String(minor);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}
