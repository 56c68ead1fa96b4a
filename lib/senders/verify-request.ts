import { parsePayload } from "./parse-payload";
import { isProblem, type SchemeProblem } from "./schemes/scheme";
import { schemeHeaders } from "./schemes/scheme-headers";
import { schemeFor } from "./schemes/schemes";
import type { AnySender, Identity, SecretSlot, SignedRequest } from "./sender";
import { SENDERS } from "./senders";

// The one verification path of every sender: read its signature (checking a signed timestamp), try the
// webhook's current secret, then the previous one while its grace period lasts, parse the body and take
// the sender's idempotency key and event type. Each refusal is worded in the sender's terms.

export type StoredSecrets = {
  current: string | null;
  previous: string | null;
  previousExpiresAt: Date | null;
};

export type RejectionCode =
  | "missing_headers"
  | "wrong_sender"
  | "invalid_message_id"
  | "invalid_timestamp"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "malformed_signature"
  | "invalid_signature"
  | "signature_from_expired_secret"
  | "invalid_payload";

export type Rejection = {
  ok: false;
  status: 400 | 401;
  code: RejectionCode;
  message: string;
  /** A fuller explanation for the notification log, when the public answer must say less. */
  logMessage?: string;
};

export type Verified = { ok: true; slot: SecretSlot; payload: Record<string, unknown>; identity: Identity };

/** The sender's id of a delivery is the idempotency key, so it is kept indexable. */
export const MAX_MESSAGE_ID_LENGTH = 255;
const MAX_TYPE_LENGTH = 200;

export function verifyRequest(
  sender: AnySender,
  config: unknown,
  request: SignedRequest,
  secrets: StoredSecrets,
  now: Date,
): Verified | Rejection {
  const verification = sender.verification(config);
  const signature = schemeFor(verification).read(request, verification, now);
  if (isProblem(signature)) {
    const own = [...schemeHeaders(verification), ...(sender.settingsHeaders?.(config) ?? [])];
    return describeProblem(sender, request, signature, own);
  }

  const previousValid = secrets.previousExpiresAt !== null && secrets.previousExpiresAt > now;
  let slot: SecretSlot | undefined;
  if (secrets.current && signature.matches(secrets.current)) slot = "current";
  else if (previousValid && secrets.previous && signature.matches(secrets.previous)) slot = "previous";
  if (!slot) {
    if (!previousValid && secrets.previous && signature.matches(secrets.previous)) {
      return reject(
        401,
        "signature_from_expired_secret",
        `The request was signed with the previous signing secret, whose 24-hour grace period has ended. Update ${sender.name} to the new secret.`,
      );
    }
    const tried = `the ${sender.secret.label.toLowerCase()} ending in …${secrets.current?.slice(-4)}${previousValid ? " or the previous one" : ""}`;
    return {
      ...reject(401, "invalid_signature", "No signature matched this webhook's signing secret."),
      // Only the dashboard's log names the secret tried; the public answer gives no hint of it.
      logMessage: `No signature matched ${tried}. Check that the secret saved here is the one ${sender.name} shows for this endpoint: ${sender.secret.help}`,
    };
  }

  const payload = parsePayload(request.body, sender.formEncoded === true);
  if (!payload) {
    return reject(
      400,
      "invalid_payload",
      "The body is signed correctly but is not a JSON object. Hookbell accepts JSON event objects.",
    );
  }
  const identity = sender.identify(request, payload, config);
  if (identity.messageId !== null && identity.messageId.length > MAX_MESSAGE_ID_LENGTH) {
    return reject(
      400,
      "invalid_message_id",
      `The request's id is ${identity.messageId.length} characters long; message ids are at most ${MAX_MESSAGE_ID_LENGTH}.`,
    );
  }
  return {
    ok: true,
    slot,
    payload,
    identity: {
      messageId: identity.messageId,
      eventType: shortText(identity.eventType),
      eventObject: shortText(identity.eventObject),
    },
  };
}

function describeProblem(
  sender: AnySender,
  request: SignedRequest,
  problem: SchemeProblem,
  ownHeaders: string[],
): Rejection {
  switch (problem.problem) {
    case "missing_headers": {
      const other = otherSenderOf(sender, request, ownHeaders);
      if (other) {
        return reject(
          400,
          "wrong_sender",
          `This looks like ${article(other)} ${other} request, but this webhook is connected to ${sender.name}. Send it to a webhook connected to ${other}, or connect this one to ${other}.`,
        );
      }
      const { missing } = problem;
      const plural = missing.length > 1;
      return reject(
        400,
        "missing_headers",
        `Missing required header${plural ? "s" : ""}: ${missing.join(", ")}. ${sender.name} signs every request with ${plural ? "them" : "it"}; check that this request came from ${sender.name}.`,
      );
    }
    case "invalid_timestamp":
      return reject(
        400,
        "invalid_timestamp",
        `The ${problem.header} must be a whole number since 1970 (a Unix time); got "${problem.value.slice(0, 40)}".`,
      );
    case "malformed_signature":
      return reject(
        400,
        "malformed_signature",
        `The ${problem.header} header is not a ${sender.name} signature; ${sender.name} sends "${problem.expected}".`,
      );
    case "stale": {
      const { driftSeconds: drift, toleranceSeconds: tolerance } = problem;
      const window = `${sender.name}'s tolerance is ${humanSeconds(tolerance)} (±${tolerance} s)`;
      if (drift > 0) {
        return reject(
          401,
          "timestamp_too_old",
          `The signature timestamp is ${drift} s older than our clock: ${sender.name} signed this request ${humanSeconds(drift)} ago, and ${window}. A replayed request, or the sender's clock is behind.`,
        );
      }
      return reject(
        401,
        "timestamp_too_new",
        `The signature timestamp is ${-drift} s ahead of our clock, and ${window}: the sender's clock is ahead.`,
      );
    }
  }
}

/**
 * The names of the senders whose own headers this request carries, when the webhook's sender's are missing.
 * Headers the webhook's own scheme reads count for it (Polar marks none: its headers are Standard Webhooks').
 */
function otherSenderOf(sender: AnySender, request: SignedRequest, ownHeaders: string[]): string | undefined {
  const has = (header: string) => request.headers.get(header) !== null;
  if (sender.marks.some(has) || ownHeaders.some(has)) return undefined;
  const carries = (candidate: AnySender) => candidate.marks.some(has);
  const names = SENDERS.filter((candidate) => candidate.id !== sender.id && carries(candidate)).map((s) => s.name);
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

function article(name: string): string {
  return /^[AEIOU]/.test(name) ? "an" : "a";
}

function humanSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

/** Cut to MAX_TYPE_LENGTH, NUL (which PostgreSQL text refuses) replaced, blank as null. */
function shortText(value: string | null): string | null {
  if (value === null || value.length === 0) return null;
  return value.slice(0, MAX_TYPE_LENGTH).replaceAll("\u0000", "\uFFFD");
}

function reject(status: 400 | 401, code: RejectionCode, message: string): Rejection {
  return { ok: false, status, code, message };
}
