import dns, { type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import type { WebhookRequest } from "../templates/render-webhook";
import { signatureHeader, signingSecretsAt } from "./forward-signature";
import { createGuardedFetch, guardedFetch, isPublicAddress, type LookupFunction } from "./guarded-fetch";
import type { SendDeps } from "./kinds/channel-kind";
import { clip, parseRetryAfter, type SendResult } from "./kinds/send-result";
import type { ForwardConfig } from "./kinds/webhook";
import { GONE_REASON, turnOffGoneChannel } from "./turn-off-gone-channel";

const TIMEOUT_MS = 15_000;
const USER_AGENT = "Hookbell-Webhooks/1";
const THROTTLE_STATUSES = new Set([429, 502, 503, 504]);

// Plain http is for the operator's own network only: a name that resolves to a public address is
// refused at connect time, like a private one is for https without HOOKBELL_FORWARD_ALLOW_PRIVATE.
const privateOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const open = list.find(({ address }) => isPublicAddress(address));
    if (open) {
      const refusal = new Error(
        `Refused to connect to ${hostname} over plain http: it resolves to ${open.address}, a public address; use https`,
      );
      return callback(Object.assign(refusal, { code: "EPLAINHTTPPUBLIC" }), []);
    }
    callback(null, list);
  });
};
const privateFetch = createGuardedFetch({ allowPrivate: true });
const privateHttpFetch = createGuardedFetch({ allowPrivate: true, lookup: privateOnlyLookup });

/** What came back from the endpoint, or why nothing did. */
export type ForwardAnswer =
  | { kind: "answered"; status: number; body: string; retryAfter: string | null; turnedOff?: boolean }
  | { kind: "redirected"; detail: string }
  | { kind: "refused"; detail: string }
  | { kind: "unreachable"; detail: string };

/**
 * POSTs the body signed the Standard Webhooks way. `webhook-id` is the delivery's, so every retry of one
 * alert carries the same id (receivers deduplicate by it); the timestamp and signatures are the attempt's.
 * A 410 turns the channel off here, where the delivery is known, so the worker needs no kind branch.
 */
export async function postSignedWebhook(
  request: WebhookRequest,
  config: ForwardConfig,
  deps: SendDeps,
): Promise<ForwardAnswer> {
  const url = new URL(config.url);
  const allowPrivate = deps.forwardAllowPrivate ?? false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol === "http:" && (!allowPrivate || (isIP(host) !== 0 && isPublicAddress(host)))) {
    return {
      kind: "refused",
      detail:
        "plain http is allowed only to private addresses, with HOOKBELL_FORWARD_ALLOW_PRIVATE=on; use an https URL",
    };
  }
  const fetchVia = !allowPrivate ? guardedFetch : url.protocol === "http:" ? privateHttpFetch : privateFetch;
  const now = deps.now();
  const id = `msg_${deps.deliveryId}`;
  const timestamp = Math.floor(now.getTime() / 1000);
  const secrets = signingSecretsAt(config, now);
  let response: Response;
  try {
    response = await fetchVia(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": id,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signatureHeader(id, timestamp, request.body, secrets),
      },
      body: request.body,
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    return describeFailure(error);
  }
  const body = await response.text().catch(() => "");
  const answer: ForwardAnswer = {
    kind: "answered",
    status: response.status,
    body,
    retryAfter: response.headers.get("retry-after"),
  };
  if (response.status === 410) {
    await turnOffGoneChannel(deps.db, deps.projectId, deps.deliveryId);
    answer.turnedOff = true;
  }
  return answer;
}

/**
 * The endpoint's answer as an outcome, by Standard Webhooks' sender rules: only 2xx is success; 410 means
 * gone for good; 429, 502, 503 and 504 throttle (Retry-After honoured); other 5xx and network failures
 * retry; a redirect and any other 4xx fail, with the status and the endpoint's own words.
 */
export function classifyForwardAnswer(answer: ForwardAnswer): SendResult {
  if (answer.kind === "unreachable")
    return { outcome: "retry", error: `Could not reach the endpoint: ${answer.detail}` };
  if (answer.kind === "refused") return { outcome: "failed", error: `Not sent: ${answer.detail}.` };
  if (answer.kind === "redirected") {
    return {
      outcome: "failed",
      error: `The endpoint redirected (${answer.detail}); Hookbell does not follow redirects: save the final URL.`,
    };
  }
  const { status, body } = answer;
  const detail = `The endpoint answered ${status}${body.trim() ? `: ${clip(body.trim())}` : ""}`;
  if (status >= 200 && status < 300) return { outcome: "sent", statusCode: status, response: clip(body) };
  if (status === 410) return { outcome: "failed", statusCode: 410, error: `${detail} (${GONE_REASON}).` };
  if (THROTTLE_STATUSES.has(status)) {
    return { outcome: "retry", statusCode: status, error: detail, retryAfterMs: parseRetryAfter(answer.retryAfter) };
  }
  if (status >= 500) return { outcome: "retry", statusCode: status, error: detail };
  if (status >= 300 && status < 400) {
    return { outcome: "failed", statusCode: status, error: `${detail}: the endpoint redirected; save the final URL.` };
  }
  // Standard Webhooks: only 410 means "stop"; any other refusal (a 404 or 401 during the receiver's deploy)
  // is retried on the backoff schedule until the attempts run out.
  return { outcome: "retry", statusCode: status, error: `${detail}. Check the endpoint and the channel's URL.` };
}

function describeFailure(error: unknown): ForwardAnswer {
  const { name, code, message, cause } = (error ?? {}) as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (name === "TimeoutError" || name === "AbortError") {
    return { kind: "unreachable", detail: `no answer within ${TIMEOUT_MS / 1000} s` };
  }
  // guarded-fetch's own refusal of a redirect names the host and the status, never the path.
  const redirect = /^Redirect refused: .* answered (\d{3})$/.exec(message ?? "");
  if (redirect) return { kind: "redirected", detail: redirect[1] };
  // The refusal names the host and the address class; an address that is not allowed stays so.
  if (code === "EADDRNOTPUBLIC") {
    return {
      kind: "refused",
      detail: `${message}; signed webhooks reach public addresses only (an operator can allow private ones with HOOKBELL_FORWARD_ALLOW_PRIVATE=on)`,
    };
  }
  if (code === "EPLAINHTTPPUBLIC") return { kind: "refused", detail: String(message) };
  const detail = cause?.code ?? code ?? cause?.message ?? message ?? String(error);
  // The URL (its path or query may be the receiver's credential) never reaches the log.
  return { kind: "unreachable", detail: clip(String(detail)).replace(/https?:\/\/\S+/g, "[url]") };
}
