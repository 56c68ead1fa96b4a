import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { contentSecurityPolicy } from "./security-headers";

/**
 * Gives a dashboard request its own script nonce: in the response's policy, and in the request's
 * Content-Security-Policy header, from which Next's App Router takes the nonce it puts on every script
 * tag it renders. Whatever policy header a client sent is replaced, so a client can never choose it.
 */
export function setScriptNonce(req: IncomingMessage, res: ServerResponse, isDev: boolean): void {
  const policy = contentSecurityPolicy(isDev, randomBytes(16).toString("base64"));
  res.setHeader("Content-Security-Policy", policy);
  req.headers["content-security-policy"] = policy;
  delete req.headers["content-security-policy-report-only"];
}
