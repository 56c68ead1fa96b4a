import { isIP } from "node:net";
import { z } from "zod";
import { getEnv } from "../env";
import { isPublicAddress } from "./guarded-fetch";

// A signed webhook's endpoint is any URL the user owns, so its shape is checked here and its address at
// connect time (guarded-fetch.ts): a name can resolve anywhere, only the socket knows where it went.

export const FORWARD_URL_MAX = 2000;

export const FORWARD_URL_HELP =
  "Paste your endpoint's https URL, e.g. https://n8n.example.com/webhook/clerk (the URL your automation or service gives you).";

/** Names that only ever reach this machine or its own network. */
function isLocalName(host: string): boolean {
  return host === "localhost" || host.endsWith(".localhost");
}

/** Why `value` cannot be a signed webhook's endpoint, or null; `allowPrivate` is HOOKBELL_FORWARD_ALLOW_PRIVATE. */
export function forwardUrlProblem(value: string, allowPrivate: boolean): string | null {
  if (value.length > FORWARD_URL_MAX)
    return `The URL is ${value.length} characters long; the limit is ${FORWARD_URL_MAX}.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `That is not a URL. ${FORWARD_URL_HELP}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `The URL must use https. ${FORWARD_URL_HELP}`;
  // A user and password in the URL would be sent as Basic auth by some clients and logged by others.
  if (url.username || url.password) {
    return "The URL must not carry a user or password; the signature is how your endpoint knows it is Hookbell.";
  }
  if (url.hash) return "The URL must not have a #fragment; it is never sent to the server.";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const isPrivateLiteral = isIP(host) !== 0 && !isPublicAddress(host);
  if (!allowPrivate && (isPrivateLiteral || isLocalName(host))) {
    return `${host} is a private or local address; signed webhooks reach public addresses only (an operator can allow private ones with HOOKBELL_FORWARD_ALLOW_PRIVATE=on).`;
  }
  if (url.protocol === "http:") {
    // Plain http only inside the operator's own network: a signature does not hide the event from the wire.
    if (!allowPrivate) return `The URL must use https. ${FORWARD_URL_HELP}`;
    if (isIP(host) !== 0 && !isPrivateLiteral) return "Plain http is only for private addresses; use https.";
  }
  return null;
}

export const ForwardUrlSchema = z
  .string()
  .trim()
  .min(1, `Enter the endpoint's URL. ${FORWARD_URL_HELP}`)
  .superRefine((value, ctx) => {
    const problem = forwardUrlProblem(value, getEnv().HOOKBELL_FORWARD_ALLOW_PRIVATE === "on");
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** What the dashboard shows after saving: the host, to recognise it, and the URL's last four characters. */
export function maskForwardUrl(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/…${url.slice(-4)}`;
}
