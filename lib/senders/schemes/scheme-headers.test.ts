import { describe, expect, it } from "vitest";
import { schemeHeaders } from "./scheme-headers";

describe("schemeHeaders", () => {
  it("lists both Standard Webhooks families, whichever the sender signs under", () => {
    const headers = schemeHeaders({
      scheme: "standard-webhooks",
      key: "raw",
      family: "webhook",
      toleranceSeconds: 300,
    });
    expect(headers).toEqual([
      "svix-id",
      "svix-timestamp",
      "svix-signature",
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
    ]);
  });

  it("lists an HMAC's signature header, and its timestamp header when the time has one of its own", () => {
    const hmac = { scheme: "hmac", header: "x-sig", algorithm: "sha256", encoding: "hex", prefix: "" } as const;
    expect(schemeHeaders({ ...hmac, toleranceSeconds: null })).toEqual(["x-sig"]);
    expect(
      schemeHeaders({
        ...hmac,
        toleranceSeconds: 300,
        timestamp: { in: "header", header: "x-ts", separator: ".", unit: "s" },
      }),
    ).toEqual(["x-sig", "x-ts"]);
    expect(schemeHeaders({ scheme: "token", header: "x-gitlab-token" })).toEqual(["x-gitlab-token"]);
  });
});
