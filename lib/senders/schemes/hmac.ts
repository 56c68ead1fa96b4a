import { createHmac, timingSafeEqual } from "node:crypto";
import type { SignedTimestamp, Verification } from "../sender";
import { driftSeconds, type Scheme, type SchemeProblem } from "./scheme";

type Hmac = Extract<Verification, { scheme: "hmac" }>;

/**
 * An HMAC in one header: of the raw body (GitHub, Shopify, Linear, Lemon Squeezy, Vercel), or of a signed
 * timestamp and the body (Stripe, Paddle, WorkOS, Custom HMAC). The key is the secret's UTF-8 bytes, as
 * every one of these senders uses it; digests are compared in constant time, hex without regard to case.
 */
export const hmacScheme: Scheme<Hmac> = {
  read(request, verification, now) {
    const value = request.headers.get(verification.header)?.trim();
    if (!value) return { problem: "missing_headers", missing: [verification.header] };
    const parts = readParts(request.headers, value, verification);
    if ("problem" in parts) return parts;
    const { timestamp, signatures } = parts;
    if (timestamp !== undefined && verification.toleranceSeconds !== null) {
      const problem = checkTime(timestamp.ms, verification.toleranceSeconds, now);
      if (problem) return problem;
    }
    if (verification.bodyTimestamp) {
      const problem = checkBodyTime(request.body, verification.bodyTimestamp, now);
      if (problem) return problem;
    }
    const given = signatures.map((signature) => decode(signature, verification.encoding));
    return {
      matches(secret) {
        const hmac = createHmac(verification.algorithm, Buffer.from(secret, "utf8"));
        if (timestamp !== undefined) hmac.update(`${timestamp.text}${timestamp.separator}`);
        const expected = hmac.update(request.body).digest();
        return given.some((bytes) => bytes.length === expected.length && timingSafeEqual(bytes, expected));
      },
    };
  },
  sign(body, secret, verification, { now }) {
    const signed = verification.timestamp;
    const text = signed ? String(signed.unit === "ms" ? now.getTime() : Math.floor(now.getTime() / 1000)) : "";
    const hmac = createHmac(verification.algorithm, Buffer.from(secret, "utf8"));
    if (signed) hmac.update(`${text}${signed.separator}`);
    const digest = hmac.update(body).digest(verification.encoding);
    if (signed?.in === "signature-list") {
      const list = [`${signed.timestampKey}=${text}`, `${signed.signatureKey}=${verification.prefix}${digest}`];
      return { [verification.header]: list.join(signed.entrySeparator) };
    }
    const headers: Record<string, string> = { [verification.header]: `${verification.prefix}${digest}` };
    if (signed?.in === "header") headers[signed.header] = text;
    return headers;
  },
};

type Parts = { timestamp?: { text: string; ms: number; separator: string }; signatures: string[] };

function readParts(
  headers: { get(name: string): string | null },
  value: string,
  verification: Hmac,
): Parts | SchemeProblem {
  const signed: SignedTimestamp | undefined = verification.timestamp;
  const malformed = (expected: string): SchemeProblem => ({
    problem: "malformed_signature",
    header: verification.header,
    expected,
  });
  if (signed?.in === "signature-list") {
    const entries = value
      .split(signed.entrySeparator.trim())
      .map((entry) => entry.trim())
      .map((entry) => [entry.slice(0, entry.indexOf("=")), entry.slice(entry.indexOf("=") + 1)] as const);
    const text = entries.find(([key]) => key === signed.timestampKey)?.[1];
    const signatures = entries.filter(([key]) => key === signed.signatureKey).map(([, signature]) => signature);
    const shape = `${signed.timestampKey}=<timestamp>${signed.entrySeparator}${signed.signatureKey}=<signature>`;
    if (text === undefined || signatures.length === 0) return malformed(shape);
    const timestamp = readTime(text, signed, verification.header);
    if ("problem" in timestamp) return timestamp;
    return { timestamp, signatures: signatures.map((signature) => withoutPrefix(signature, verification.prefix)) };
  }
  if (verification.prefix && !value.startsWith(verification.prefix)) {
    return malformed(`${verification.prefix}<signature>`);
  }
  const signatures = [withoutPrefix(value, verification.prefix)];
  if (signed?.in === "header") {
    const text = headers.get(signed.header)?.trim();
    if (!text) return { problem: "missing_headers", missing: [signed.header] };
    const timestamp = readTime(text, signed, signed.header);
    if ("problem" in timestamp) return timestamp;
    return { timestamp, signatures };
  }
  return { signatures };
}

function readTime(
  text: string,
  signed: SignedTimestamp,
  header: string,
): { text: string; ms: number; separator: string } | SchemeProblem {
  if (!/^\d{1,16}$/.test(text)) return { problem: "invalid_timestamp", header, value: text };
  const ms = signed.unit === "ms" ? Number(text) : Number(text) * 1000;
  return { text, ms, separator: signed.separator };
}

function checkTime(signedAtMs: number, toleranceSeconds: number, now: Date): SchemeProblem | undefined {
  const drift = driftSeconds(signedAtMs, now);
  return Math.abs(drift) > toleranceSeconds ? { problem: "stale", driftSeconds: drift, toleranceSeconds } : undefined;
}

/** Linear signs the body, and puts the time in it: `webhookTimestamp`, epoch milliseconds. */
function checkBodyTime(
  body: string,
  rule: { field: string; toleranceSeconds: number },
  now: Date,
): SchemeProblem | undefined {
  let value: unknown;
  try {
    value = (JSON.parse(body) as Record<string, unknown>)?.[rule.field];
  } catch {
    return undefined; // Not JSON: the signature decides, and a body that is not JSON is refused after it.
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return { problem: "invalid_timestamp", header: `body field ${rule.field}`, value: String(value).slice(0, 40) };
  }
  return checkTime(value, rule.toleranceSeconds, now);
}

function withoutPrefix(signature: string, prefix: string): string {
  return prefix && signature.startsWith(prefix) ? signature.slice(prefix.length) : signature;
}

function decode(signature: string, encoding: "hex" | "base64"): Buffer {
  if (encoding === "hex") return /^[0-9a-fA-F]*$/.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0);
  return Buffer.from(signature, "base64");
}
