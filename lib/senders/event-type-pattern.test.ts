import { describe, expect, it } from "vitest";
import { EVENT_TYPE_PATTERN } from "./event-type-pattern";

describe("EVENT_TYPE_PATTERN", () => {
  it("takes every sender's way of naming types, Shopify's slash included", () => {
    for (const type of ["user.created", "invoice.payment_failed", "pull_request.opened", "orders/create", "ping"]) {
      expect(EVENT_TYPE_PATTERN.test(type), type).toBe(true);
    }
  });

  it("refuses blanks, spaces, markup and over-long names", () => {
    for (const type of ["", " user.created", "a b", "<script>", "1user", "x".repeat(101)]) {
      expect(EVENT_TYPE_PATTERN.test(type), type).toBe(false);
    }
  });
});
