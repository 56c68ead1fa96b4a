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

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * The client's address as the dashboard sees it. The front end (server.ts) determines it with
 * clientAddress() and overwrites X-Forwarded-For with that one value before proxying, so the dashboard's
 * sign-in, sign-up and session records read it here and never parse a chain a client could have written.
 */
export function forwardedClientAddress(headers: HeaderSource): string | undefined {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value.slice(0, 64) : undefined;
}
