import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignatureHeaders } from "./signature-headers";

export const TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = "whsec_";

export type SecretSlot = "current" | "previous";

export type StoredSecrets = {
  current: string | null;
  previous: string | null;
  previousExpiresAt: Date | null;
};

export type VerifyFailure = {
  ok: false;
  status: 400 | 401;
  code:
    | "invalid_timestamp"
    | "timestamp_too_old"
    | "timestamp_too_new"
    | "invalid_signature"
    | "signature_from_expired_secret"
    | "invalid_payload";
  message: string;
  /** A fuller explanation for the notification log, when the public answer must say less. */
  logMessage?: string;
};

export type VerifySuccess = { ok: true; slot: SecretSlot; payload: unknown };

/**
 * Verifies the v1 signature (signV1) against the current secret, then the previous one while its grace
 * period lasts. Our own checks run first: a strictly numeric timestamp (the svix library would accept
 * "123abc") and the ±5 minute window, so each failure gets its own code and the measured drift.
 */
export function verifySignature(
  body: string,
  headers: SignatureHeaders,
  secrets: StoredSecrets,
  now: Date,
): VerifySuccess | VerifyFailure {
  if (!/^\d{1,15}$/.test(headers.timestamp)) {
    return fail(
      400,
      "invalid_timestamp",
      `The ${headers.family}-timestamp header must be whole seconds since 1970; got "${headers.timestamp.slice(0, 40)}".`,
    );
  }
  const drift = Math.floor(now.getTime() / 1000) - Number(headers.timestamp);
  if (drift > TOLERANCE_SECONDS) {
    return fail(
      401,
      "timestamp_too_old",
      `The signature timestamp is ${drift} s older than our clock (tolerance ±${TOLERANCE_SECONDS} s): a replayed request, or the sender's clock is behind.`,
    );
  }
  if (-drift > TOLERANCE_SECONDS) {
    return fail(
      401,
      "timestamp_too_new",
      `The signature timestamp is ${-drift} s ahead of our clock (tolerance ±${TOLERANCE_SECONDS} s): the sender's clock is ahead.`,
    );
  }

  const previousValid = secrets.previousExpiresAt !== null && secrets.previousExpiresAt > now;
  const attempts: [SecretSlot, string | null][] = [
    ["current", secrets.current],
    ["previous", previousValid ? secrets.previous : null],
  ];
  for (const [slot, secret] of attempts) {
    if (!secret) continue;
    const result = tryVerify(secret, body, headers);
    if (result.matched) return result.payload === undefined ? notJson() : { ok: true, slot, payload: result.payload };
  }
  if (!previousValid && secrets.previous && tryVerify(secrets.previous, body, headers).matched) {
    return fail(
      401,
      "signature_from_expired_secret",
      "The request was signed with the previous signing secret, whose 24-hour grace period has ended. Update the sender to the new secret.",
    );
  }
  const tried = `the signing secret ending in …${secrets.current?.slice(-4)}${previousValid ? " or the previous one" : ""}`;
  return {
    ...fail(401, "invalid_signature", "No signature matched this webhook's signing secret."),
    // Only the dashboard's log names the secret tried; the public answer gives no hint of it.
    logMessage: `No signature matched ${tried}. Check that the secret saved here is the one shown in Clerk for this endpoint.`,
  };
}

/**
 * Computes the expected v1 signature and compares it timing-safely. Not the svix library's verify(): that
 * re-checks the timestamp against the wall clock (Date.now()), not against `now`, which made the result
 * depend on when the check ran rather than on the request.
 */
function tryVerify(
  secret: string,
  body: string,
  headers: SignatureHeaders,
): { matched: false } | { matched: true; payload: unknown } {
  const expected = Buffer.from(signV1(secret, headers.id, headers.timestamp, body));
  const matched = headers.signature.split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    const given = Buffer.from(signature ?? "");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matched) return { matched: false };
  try {
    return { matched: true, payload: JSON.parse(body) };
  } catch {
    // The signature matched but the body is not JSON.
    return { matched: true, payload: undefined };
  }
}

/**
 * The base64 of the v1 signature, as the svix library's `sign()` makes it (HMAC-SHA256 of "id.timestamp.body"
 * with the secret's decoded bytes as key; the timestamp as a number, so without leading zeros), computed
 * with node:crypto: the library's pure-JavaScript SHA-256 cost more than the rest of a request's checks.
 * `secret` is a saved one, checked to be canonical base64 (lib/webhooks/signing-secret.ts).
 */
export function signV1(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
  return createHmac("sha256", key)
    .update(`${id}.${Number(timestamp)}.`)
    .update(body)
    .digest("base64");
}

function notJson(): VerifyFailure {
  return fail(
    400,
    "invalid_payload",
    "The body is signed correctly but is not JSON. Hookbell accepts JSON event objects.",
  );
}

function fail(status: 400 | 401, code: VerifyFailure["code"], message: string): VerifyFailure {
  return { ok: false, status, code, message };
}
