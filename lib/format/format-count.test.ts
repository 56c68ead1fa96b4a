import { describe, expect, it } from "vitest";
import { formatCount } from "./format-count";

describe("formatCount", () => {
  it("uses the singular for exactly one and the plural for zero and many", () => {
    expect(formatCount(1, "event type")).toBe("1 event type");
    expect(formatCount(0, "event type")).toBe("0 event types");
    expect(formatCount(3, "event type")).toBe("3 event types");
  });

  it("takes an irregular plural and groups thousands", () => {
    expect(formatCount(1, "delivery", "deliveries")).toBe("1 delivery");
    expect(formatCount(2, "delivery", "deliveries")).toBe("2 deliveries");
    expect(formatCount(12_345, "event")).toBe("12,345 events");
  });
});
