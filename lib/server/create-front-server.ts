import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { logUnexpected } from "../errors";
import { ingestWebhookId, serveIngest } from "../ingest/serve-ingest";
import { clientAddress, setForwardedHeaders } from "./client-address";
import { serveHealth } from "./health";
import { InFlightPerAddress } from "./in-flight-per-address";
import { normalizeRequestPath } from "./normalize-request-path";
import { type ProxyLog, proxyToDashboard, proxyUpgradeToDashboard } from "./proxy-to-dashboard";
import { refuseOversizedAction } from "./refuse-oversized-action";
import { sendJson } from "./send-json";
import { setScriptNonce } from "./set-script-nonce";

export type FrontServerOptions = {
  db: Db;
  /** The dashboard thread's socket. Without one (ingest tests), URLs other than ingest and health are 404. */
  dashboardSocket?: string;
  /** Set on every response (lib/server/security-headers.ts). */
  headers?: Record<string, string>;
  /** Flipped by the shutdown: /readyz then answers 503. */
  state?: { isDraining: boolean };
  /** Default HOOKBELL_TRUSTED_PROXIES. */
  trustedProxies?: number;
  /** Where a dashboard that fails to answer is reported. */
  log?: ProxyLog;
  /** `npm run dev`: the dashboard's scripts policy allows what the dev server's hot reload needs. */
  isDev?: boolean;
};

/**
 * The HTTP front end of `npm start` and `npm run dev`: ingest and health served on this thread, everything
 * else passed to the dashboard. Every request is routed once, on its normalised path, which is also the
 * path the dashboard sees. Slow clients are bounded: headers must arrive within
 * HOOKBELL_HEADERS_TIMEOUT_SECONDS and a body within HOOKBELL_BODY_TIMEOUT_SECONDS more (408 otherwise),
 * and one address has at most HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS ingest requests in progress.
 */
export function createFrontServer(options: FrontServerOptions): Server {
  const env = getEnv();
  const { db, dashboardSocket, headers = {}, state = { isDraining: false }, log, isDev = false } = options;
  const trustedProxies = options.trustedProxies ?? env.HOOKBELL_TRUSTED_PROXIES;
  const ingestSlots = new InFlightPerAddress(env.HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS);
  const headersTimeout = env.HOOKBELL_HEADERS_TIMEOUT_SECONDS * 1000;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const path = normalizeRequestPath(req.url);
    if (path === null) {
      return sendJson(res, 400, { error: { code: "bad_request", message: "The request target is not a path." } });
    }
    req.url = path;
    // Rate limits and the log key on the client address: never take it from a header the client wrote.
    const address = clientAddress(req, trustedProxies);
    // The ingest URL is the hot path: served without Next (see lib/ingest/serve-ingest.ts).
    const webhookId = ingestWebhookId(path);
    if (webhookId !== undefined) {
      if (!ingestSlots.enter(address)) return refuseBusyAddress(res);
      res.on("close", () => ingestSlots.leave(address));
      return void serveIngest(db, req, res, webhookId, address).catch((error: unknown) => {
        logUnexpected("request failed", error);
        if (!res.headersSent) res.writeHead(500).end();
      });
    }
    if (serveHealth(db, req, res, state)) return;
    if (!dashboardSocket) {
      return sendJson(res, 404, { error: { code: "not_found", message: "Only ingest and health are served here." } });
    }
    setForwardedHeaders(req, address, env.APP_URL);
    if (refuseOversizedAction(req, res)) return;
    setScriptNonce(req, res, isDev);
    proxyToDashboard(dashboardSocket, req, res, log);
  };

  const server = createServer(
    {
      headersTimeout,
      // The whole request: its headers, then its body. Ingest answers its own 408 at the body deadline.
      requestTimeout: headersTimeout + env.HOOKBELL_BODY_TIMEOUT_SECONDS * 1000,
      // How often those two are checked (Node's default, 30 s, would let a stalled request run on that long).
      connectionsCheckingInterval: Math.min(1000, headersTimeout),
    },
    handle,
  );
  // Longer than a load balancer's idle timeout (60 s is common): the balancer, not this server, closes an
  // idle keep-alive connection, so it never sends a request on a connection being closed here.
  server.keepAliveTimeout = 65_000;
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = normalizeRequestPath(req.url);
    if (!dashboardSocket || path === null) return void socket.destroy();
    req.url = path;
    setForwardedHeaders(req, clientAddress(req, trustedProxies), env.APP_URL);
    proxyUpgradeToDashboard(dashboardSocket, req, socket, head);
  });
  return server;
}

/** Not logged per request (a flood must not become a flood of writes); the sender retries later. */
function refuseBusyAddress(res: ServerResponse): void {
  // The body is not read: the connection cannot carry another request.
  res.setHeader("Connection", "close");
  sendJson(
    res,
    429,
    {
      error: {
        code: "too_many_in_progress",
        message: "Too many requests from this address are in progress; retry later.",
      },
    },
    { "Retry-After": "5" },
  );
}
