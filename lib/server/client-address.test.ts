import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress, forwardedClientAddress } from "./client-address";

function request(forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress: "10.0.0.5" },
    headers: { "x-forwarded-for": forwardedFor },
  } as unknown as IncomingMessage;
}

describe("client address", () => {
  it("ignores X-Forwarded-For without trusted proxies: a client cannot pick its own address", () => {
    expect(clientAddress(request("1.2.3.4"), 0)).toBe("10.0.0.5");
  });

  it("takes the entry appended by the trusted proxy, not the ones the client wrote", () => {
    expect(clientAddress(request("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(request("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientAddress(request(), 1)).toBe("10.0.0.5");
  });
});

describe("forwarded client address (the dashboard's side)", () => {
  it("reads the one address the front end wrote, from Next's Headers or a plain header object", () => {
    expect(forwardedClientAddress(new Headers({ "x-forwarded-for": " 203.0.113.9 " }))).toBe("203.0.113.9");
    expect(forwardedClientAddress({ "x-forwarded-for": "198.51.100.4" })).toBe("198.51.100.4");
    expect(forwardedClientAddress({ "x-forwarded-for": ["198.51.100.4"] })).toBe("198.51.100.4");
    expect(forwardedClientAddress({})).toBeUndefined();
    expect(forwardedClientAddress({ "x-forwarded-for": "x".repeat(500) })).toHaveLength(64);
  });
});
