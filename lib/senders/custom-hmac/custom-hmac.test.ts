import { describe, expect, it } from "vitest";
import { customHmac } from "./custom-hmac";
import { CustomHmacConfigSchema } from "./custom-hmac-config";

const NOW = new Date("2026-12-03T12:00:00Z");

describe("the Custom HMAC sender", () => {
  it("turns the settings into an HMAC verification, with a timestamp only when one is signed", () => {
    expect(customHmac.verification(CustomHmacConfigSchema.parse({ timestampHeader: "x-ts" }))).toEqual({
      scheme: "hmac",
      header: "x-signature",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "",
      toleranceSeconds: null,
    });
    const timed = CustomHmacConfigSchema.parse({
      signed: "timestamp-body",
      timestampHeader: "X-TS",
      separator: ":",
      timestampUnit: "ms",
      toleranceSeconds: 60,
    });
    expect(customHmac.verification(timed)).toMatchObject({
      timestamp: { in: "header", header: "x-ts", separator: ":", unit: "ms" },
      toleranceSeconds: 60,
    });
  });

  it("puts a sample's type at the configured field, and its delivery id in the configured header", () => {
    const config = CustomHmacConfigSchema.parse({ typeField: "event.name", idHeader: "X-Delivery" });
    const sample = customHmac.sample("invoice.paid", NOW, config);
    expect(sample).toMatchObject({ event: { name: "invoice.paid" }, created_at: NOW.toISOString() });
    const request = { headers: new Headers({ "x-delivery": "d-1" }), body: JSON.stringify(sample) };
    expect(customHmac.identify(request, sample, config)).toEqual({
      messageId: "d-1",
      eventType: "invoice.paid",
      eventObject: null,
    });
    expect(customHmac.sampleHeaders?.("invoice.paid", "d-2", config)).toEqual({ "x-delivery": "d-2" });
    expect(customHmac.sample("ping", NOW)).toMatchObject({ type: "ping" });
    expect(customHmac.sample("ping", NOW)).not.toBe(customHmac.sample("ping", NOW));
  });

  it("takes a secret with spaces but not a cut-off or multi-line one", () => {
    expect(customHmac.secret.check("It's a Secret to Everybody")).toBeUndefined();
    expect(customHmac.secret.check("abc")).toMatch(/too short/);
    expect(customHmac.secret.check("line one\nline two")).toMatch(/one line/);
  });
});
