import type { IncomingMessage, ServerResponse } from "node:http";

// The most a server action's body may hold. Next's own limit (serverActions.bodySizeLimit in
// next.config.ts) is set above it: past its limit Next throws and answers 500, so the front end answers
// first, with 413 and a sentence.
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;
const MESSAGE = "This form is larger than 1 MB, the most Hookbell accepts in one submission. Shorten it and try again.";

/**
 * For a server action (a request with a `next-action` header): answers 413 at once when the declared
 * length is over the limit and returns true; a body sent without a length (chunked) is counted while it
 * streams and cut with 413 when it passes the limit. Node's parser already holds a body to its declared length.
 */
export function refuseOversizedAction(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.headers["next-action"] === undefined) return false;
  const declared = req.headers["content-length"];
  if (declared !== undefined) {
    if (Number(declared) <= SERVER_ACTION_BODY_LIMIT) return false;
    refuse(req, res);
    return true;
  }
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= SERVER_ACTION_BODY_LIMIT) return;
    req.off("data", count);
    // The dashboard gets no more of the body; the proxy ends its request when this response closes.
    req.unpipe();
    if (!res.headersSent) refuse(req, res);
    else res.destroy();
  };
  req.on("data", count);
  return false;
}

function refuse(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end(MESSAGE);
  // The rest of the body is read and dropped so the client, still sending, receives the answer.
  req.resume();
}
