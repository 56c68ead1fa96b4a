import { describe, expect, it } from "vitest";
import { formatMoney } from "./format-money";

describe("formatMoney", () => {
  it("formats minor units with the currency's own decimals", () => {
    expect(formatMoney(2000, "usd")).toBe("$20.00");
    expect(formatMoney(500, "jpy")).toBe("¥500");
    expect(formatMoney(1999, "EUR")).toBe("€19.99");
    expect(formatMoney(-350, "gbp")).toBe("-£3.50");
  });

  it("takes minor units as a string of digits (Paddle's totals)", () => {
    expect(formatMoney("1500", "USD")).toBe("$15.00");
  });

  it("shows the bare number for an unknown currency and nothing for a non-number", () => {
    expect(formatMoney(1200, "not a currency")).toBe("1200");
    expect(formatMoney(1200, undefined)).toBe("1200");
    expect(formatMoney("12.5", "usd")).toBe("");
    expect(formatMoney({}, "usd")).toBe("");
  });
});
