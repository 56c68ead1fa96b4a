import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

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
