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

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/**
 * The client's address as the dashboard sees it. The front end determines it with clientAddress() and
 * overwrites X-Forwarded-For with that one value before proxying (setForwardedHeaders), so the dashboard's
 * sign-in, sign-up, API and session records read it here and never parse a chain a client could have written.
 */
export function forwardedClientAddress(headers: HeaderSource): string | undefined {
  const raw =
    typeof headers.get === "function"
      ? (headers as { get(name: string): string | null }).get("x-forwarded-for")
      : (headers as Record<string, string | string[] | undefined>)["x-forwarded-for"];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.split(",")[0]?.trim();
  return value ? value.slice(0, 64) : undefined;
}
