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

/**
 * Rewrites the forwarding headers of a request passed to the dashboard so that Next trusts nothing the
 * client wrote: X-Forwarded-For becomes the one address `clientAddress` found, and Host, Proto and Port
 * come from APP_URL (Next's server-action Origin check compares the Origin with X-Forwarded-Host; a client
 * that could set it could make a cross-site form post look same-origin).
 */
export function setForwardedHeaders(req: IncomingMessage, address: string, appUrl: string): void {
  const url = new URL(appUrl);
  const proto = url.protocol.slice(0, -1);
  delete req.headers.forwarded;
  delete req.headers["x-real-ip"];
  req.headers["x-forwarded-for"] = address;
  req.headers["x-forwarded-host"] = url.host;
  req.headers["x-forwarded-proto"] = proto;
  req.headers["x-forwarded-port"] = url.port || (proto === "https" ? "443" : "80");
}

/**
 * The client address of a request the dashboard serves: the front end (setForwardedHeaders) wrote it as
 * the whole of X-Forwarded-For, so the first entry is the client's, whatever the client sent.
 */
export function forwardedClientAddress(headers: { get(name: string): string | null }): string | undefined {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) || undefined;
}
