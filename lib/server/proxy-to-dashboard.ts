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

const agent = new Agent({ keepAlive: true });
const log = createLogger("proxy");

/**
 * Passes a request to the dashboard's server on its Unix socket and streams the answer back. Headers
 * already set on `res` (the security headers) stay unless the dashboard sets the same ones.
 */
export function proxyToDashboard(socketPath: string, req: IncomingMessage, res: ServerResponse): void {
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
    if (!res.headersSent) {
      log.error(`the dashboard did not answer: ${error.message}`);
      res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" }).end("The dashboard is not available.");
    } else {
      res.destroy();
    }
  });
  // A client that goes away ends the dashboard's work on its request too.
  res.on("close", () => {
    if (!res.writableFinished || !req.complete) upstream.destroy();
  });
  req.pipe(upstream);
}

/** Connection upgrades (the dev server's hot reload): the raw connection is spliced to the dashboard's. */
export function proxyUpgradeToDashboard(socketPath: string, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const upstream = connect(socketPath, () => {
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
    for (let index = 0; index < req.rawHeaders.length; index += 2) {
      lines.push(`${req.rawHeaders[index]}: ${req.rawHeaders[index + 1]}`);
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
