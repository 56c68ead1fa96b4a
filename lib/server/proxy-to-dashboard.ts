import { Agent, type IncomingMessage, request, type ServerResponse } from "node:http";
import { connect } from "node:net";
import type { Duplex } from "node:stream";
import { createLogger } from "../logging/create-logger";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are not forwarded.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);

const FORWARDING = /^(forwarded|x-forwarded-.*|x-real-ip)$/i;

const agent = new Agent({ keepAlive: true });
/** Where a dashboard that fails to answer is reported (the process log). */
export type ProxyLog = (line: string) => void;

const proxyLogger = createLogger("proxy");
const logToProcessLog: ProxyLog = (line) => proxyLogger.error(line);

/**
 * Passes a request to the dashboard's server on its Unix socket and streams the answer back. Headers
 * already set on `res` (the security headers) stay unless the dashboard sets the same ones.
 */
export function proxyToDashboard(
  socketPath: string,
  req: IncomingMessage,
  res: ServerResponse,
  log: ProxyLog = logToProcessLog,
): void {
  // Set when the browser goes away first: the dashboard's request is then ended here on purpose, and its
  // "socket hang up" is no failure of the dashboard's (a closed tab, a cancelled navigation).
  let isClientGone = false;
  const upstream = request(
    { socketPath, agent, method: req.method, path: req.url, headers: forwardable(req.headers) },
    (answer) => {
      const headers = forwardable(answer.headers);
      // Answered before the body was read (413, an early error): the rest of the body will not be read
      // on either connection, so neither can carry another request.
      if (!req.complete) headers.connection = "close";
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    },
  );
  upstream.on("error", (error) => {
    if (isClientGone) return;
    if (!res.headersSent) {
      log(`the dashboard did not answer: ${error.message}`);
      res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" }).end("The dashboard is not available.");
    } else {
      res.destroy();
    }
  });
  // A client that goes away ends the dashboard's work on its request too.
  res.on("close", () => {
    if (!res.writableFinished || !req.complete) {
      isClientGone = !res.writableFinished;
      upstream.destroy();
    }
  });
  req.pipe(upstream);
}

/** Connection upgrades (the dev server's hot reload): the raw connection is spliced to the dashboard's. */
export function proxyUpgradeToDashboard(socketPath: string, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const upstream = connect(socketPath, () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let index = 0; index < req.rawHeaders.length; index += 2) {
      if (!FORWARDING.test(req.rawHeaders[index])) lines.push(`${req.rawHeaders[index]}: ${req.rawHeaders[index + 1]}`);
    }
    // The forwarding headers as the front end rewrote them (setForwardedHeaders), never as the client sent them.
    for (const [name, value] of Object.entries(req.headers)) {
      if (FORWARDING.test(name) && typeof value === "string") lines.push(`${name}: ${value}`);
    }
    upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on("error", close);
  socket.on("error", close);
  socket.on("close", close);
}

function forwardable(headers: IncomingMessage["headers"]): IncomingMessage["headers"] {
  const kept: IncomingMessage["headers"] = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}
