import { randomBytes } from "node:crypto";
import { Webhook } from "svix";
import { describe, expect, it } from "vitest";
import { clerk } from "../clerk/clerk";
import { resend } from "../resend/resend";
import type { Verification } from "../sender";
import { type StoredSecrets, verifyRequest } from "../verify-request";
import { signV1 as signWithKey, standardWebhooksScheme } from "./standard-webhooks";

type SignatureHeaders = { id: string; timestamp: string; signature: string };

const signV1 = (secret: string, id: string, timestamp: string, body: string) =>
  signWithKey(secret, "base64", id, timestamp, body);

/** Clerk's verification of a body under svix-* headers, as ingest runs it. */
function verifySignature(body: string, headers: SignatureHeaders, secrets: StoredSecrets, now: Date) {
  const lookup = new Headers({
    "svix-id": headers.id,
    "svix-timestamp": headers.timestamp,
    "svix-signature": headers.signature,
  });
  const result = verifyRequest(clerk, undefined, { headers: lookup, body }, secrets, now);
  return result.ok ? { ok: true, slot: result.slot, payload: result.payload } : result;
}

const NOW = new Date("2026-11-30T12:00:00Z");
const SECONDS = Math.floor(NOW.getTime() / 1000);

function secretOf(bytes: number): string {
  return `whsec_${randomBytes(bytes).toString("base64")}`;
}

const BODIES = [
  "",
  "{}",
  JSON.stringify({ type: "user.created", data: { id: "user_1", first_name: "Zoë", last_name: "Ōtsuka" } }),
  '{"emoji":"🔔👩🏽‍💻","cjk":"通知","rtl":"שלום"}',
  // A lone surrogate: encoded as U+FFFD by both sides.
  `{"broken":"\ud800"}`,
  "x".repeat(70_000),
];

describe("signV1", () => {
  it("equals the svix library's sign() for secrets of 24 to 64 bytes, any body and id", () => {
    for (const bytes of [24, 32, 48, 64]) {
      for (const body of BODIES) {
        const secret = secretOf(bytes);
        const id = `msg_${randomBytes(12).toString("base64url")}`;
        const expected = new Webhook(secret).sign(id, new Date(SECONDS * 1000), body);
        expect(`v1,${signV1(secret, id, String(SECONDS), body)}`).toBe(expected);
      }
    }
  });

  it("signs the timestamp as a number, as the library does: leading zeros are not part of the signed text", () => {
    const secret = secretOf(24);
    const expected = new Webhook(secret).sign("msg_1", new Date(SECONDS * 1000), "{}");
    expect(`v1,${signV1(secret, "msg_1", `00${SECONDS}`, "{}")}`).toBe(expected);
  });

  it("differs for another secret, id, timestamp or body", () => {
    const secret = secretOf(24);
    const base = signV1(secret, "msg_1", String(SECONDS), "{}");
    expect(signV1(secretOf(24), "msg_1", String(SECONDS), "{}")).not.toBe(base);
    expect(signV1(secret, "msg_2", String(SECONDS), "{}")).not.toBe(base);
    expect(signV1(secret, "msg_1", String(SECONDS + 1), "{}")).not.toBe(base);
    expect(signV1(secret, "msg_1", String(SECONDS), "{ }")).not.toBe(base);
  });
});

describe("verifySignature", () => {
  const secret = secretOf(24);
  const body = BODIES[2];
  const headersFor = (signature: string, timestamp = String(SECONDS)): SignatureHeaders => ({
    id: "msg_abc",
    timestamp,
    signature,
  });
  const signed = (key: string) => new Webhook(key).sign("msg_abc", new Date(SECONDS * 1000), body);
  const secrets = { current: secret, previous: null, previousExpiresAt: null };

  it("accepts a request signed by the library with the saved secret, among other signatures", () => {
    const result = verifySignature(body, headersFor(`v1,bm90LWl0 ${signed(secret)}`), secrets, NOW);
    expect(result).toEqual({ ok: true, slot: "current", payload: JSON.parse(body) });
  });

  it("refuses a signature of another secret, of another body, or under another version", () => {
    expect(verifySignature(body, headersFor(signed(secretOf(24))), secrets, NOW)).toMatchObject({
      ok: false,
      code: "invalid_signature",
    });
    expect(verifySignature(`${body} `, headersFor(signed(secret)), secrets, NOW)).toMatchObject({
      ok: false,
      code: "invalid_signature",
    });
    const v2 = signed(secret).replace(/^v1,/, "v2,");
    expect(verifySignature(body, headersFor(v2), secrets, NOW)).toMatchObject({ ok: false, code: "invalid_signature" });
  });

  it("accepts the previous secret only during its grace period", () => {
    const rotated = { current: secretOf(24), previous: secret, previousExpiresAt: new Date(NOW.getTime() + 1000) };
    expect(verifySignature(body, headersFor(signed(secret)), rotated, NOW)).toMatchObject({
      ok: true,
      slot: "previous",
    });
    const expired = { ...rotated, previousExpiresAt: new Date(NOW.getTime() - 1000) };
    expect(verifySignature(body, headersFor(signed(secret)), expired, NOW)).toMatchObject({
      ok: false,
      code: "signature_from_expired_secret",
    });
  });
});

describe("missing headers", () => {
  const verification = resend.verification(undefined) as Extract<Verification, { scheme: "standard-webhooks" }>;
  const read = (headers: Record<string, string>) =>
    standardWebhooksScheme.read({ headers: new Headers(headers), body: "{}" }, verification, NOW);

  it("names only the headers that are missing", () => {
    expect(read({ "svix-id": "msg_1", "svix-timestamp": String(SECONDS) })).toEqual({
      problem: "missing_headers",
      missing: ["svix-signature"],
    });
    expect(read({})).toEqual({
      problem: "missing_headers",
      missing: ["svix-id", "svix-timestamp", "svix-signature"],
    });
  });

  it("names the missing header of a sender without marks instead of another svix sender", () => {
    const headers = new Headers({ "svix-id": "msg_1", "svix-timestamp": String(SECONDS) });
    const secrets = { current: secretOf(24), previous: null, previousExpiresAt: null };
    const result = verifyRequest(resend, undefined, { headers, body: "{}" }, secrets, NOW);
    expect(result).toMatchObject({ ok: false, code: "missing_headers" });
    expect(result.ok ? "" : result.message).toContain("svix-signature");
    expect(result.ok ? "" : result.message).not.toContain("Clerk");
  });
});
