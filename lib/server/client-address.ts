import type { IncomingMessage } from "node:http";

/**
 * The client's address: the TCP peer, or with N trusted proxies in front, the Nth entry from the right of
 * X-Forwarded-For (entries to its left were written by the client and prove nothing).
 */
export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return peer;
  const header = req.headers["x-forwarded-for"];
  const chain = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[chain.length - trustedProxies] ?? peer;
}
