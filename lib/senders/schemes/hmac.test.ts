import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Verification } from "../sender";
import { hmacScheme } from "./hmac";
import { isProblem } from "./scheme";

type Hmac = Extract<Verification, { scheme: "hmac" }>;

const NOW = new Date("2026-12-03T12:00:00Z");
const SECONDS = Math.floor(NOW.getTime() / 1000);
const SECRET = "a shared secret";
const BODY = '{"id":"evt_1","type":"thing.happened"}';

const bodyOnly: Hmac = {
  scheme: "hmac",
  header: "x-signature",
  algorithm: "sha256",
  encoding: "hex",
  prefix: "sha256=",
  toleranceSeconds: null,
};

const listed: Hmac = {
  scheme: "hmac",
  header: "x-sig",
  algorithm: "sha256",
  encoding: "hex",
  prefix: "",
  timestamp: {
    in: "signature-list",
    entrySeparator: ",",
    timestampKey: "t",
    signatureKey: "v1",
    separator: ".",
    unit: "s",
  },
  toleranceSeconds: 300,
};

function request(headers: Record<string, string>, body = BODY) {
  return { headers: new Headers(headers), body };
}

function matches(verification: Hmac, headers: Record<string, string>, secret = SECRET, body = BODY, now = NOW) {
  const read = hmacScheme.read(request(headers, body), verification, now);
  if (isProblem(read)) return read;
  return read.matches(secret);
}

const hmac = (algorithm: string, content: string, encoding: "hex" | "base64" = "hex") =>
  createHmac(algorithm, SECRET).update(content).digest(encoding);

describe("the HMAC scheme", () => {
  it("accepts a body signature computed independently, with its prefix, hex in either case", () => {
    expect(matches(bodyOnly, { "x-signature": `sha256=${hmac("sha256", BODY)}` })).toBe(true);
    expect(matches(bodyOnly, { "x-signature": `sha256=${hmac("sha256", BODY).toUpperCase()}` })).toBe(true);
  });

  it("refuses another secret, another body, and a signature without the expected prefix", () => {
    expect(matches(bodyOnly, { "x-signature": `sha256=${hmac("sha256", BODY)}` }, "another secret")).toBe(false);
    expect(matches(bodyOnly, { "x-signature": `sha256=${hmac("sha256", BODY)}` }, SECRET, `${BODY} `)).toBe(false);
    expect(matches(bodyOnly, { "x-signature": hmac("sha256", BODY) })).toEqual({
      problem: "malformed_signature",
      header: "x-signature",
      expected: "sha256=<signature>",
    });
  });

  it("names the missing header", () => {
    expect(matches(bodyOnly, {})).toEqual({ problem: "missing_headers", missing: ["x-signature"] });
  });

  it("checks SHA-1 and SHA-512 in base64 too", () => {
    for (const algorithm of ["sha1", "sha512"] as const) {
      const verification: Hmac = { ...bodyOnly, algorithm, encoding: "base64", prefix: "" };
      expect(matches(verification, { "x-signature": hmac(algorithm, BODY, "base64") }), algorithm).toBe(true);
      expect(matches(verification, { "x-signature": hmac("sha256", BODY, "base64") }), algorithm).toBe(false);
    }
  });

  it("accepts any of several signatures in a timestamped list (a rotation), and signs what it accepts", () => {
    const good = hmac("sha256", `${SECONDS}.${BODY}`);
    expect(matches(listed, { "x-sig": `t=${SECONDS},v1=${"0".repeat(64)},v1=${good}` })).toBe(true);
    const signed = hmacScheme.sign(BODY, SECRET, listed, { id: "x", now: NOW });
    expect(signed).toEqual({ "x-sig": `t=${SECONDS},v1=${good}` });
    expect(matches(listed, signed)).toBe(true);
  });

  it("refuses a timestamped signature outside the tolerance, either way, with the drift", () => {
    const at = SECONDS - 301;
    const headers = { "x-sig": `t=${at},v1=${hmac("sha256", `${at}.${BODY}`)}` };
    expect(matches(listed, headers)).toEqual({ problem: "stale", driftSeconds: 301, toleranceSeconds: 300 });
    const ahead = SECONDS + 400;
    expect(matches(listed, { "x-sig": `t=${ahead},v1=${hmac("sha256", `${ahead}.${BODY}`)}` })).toMatchObject({
      problem: "stale",
      driftSeconds: -400,
    });
  });

  it("refuses a list without its timestamp, and a timestamp that is not a number", () => {
    expect(matches(listed, { "x-sig": `v1=${hmac("sha256", BODY)}` })).toMatchObject({
      problem: "malformed_signature",
    });
    expect(matches(listed, { "x-sig": "t=12ab,v1=00" })).toMatchObject({ problem: "invalid_timestamp", value: "12ab" });
  });

  it("reads a timestamp in milliseconds from a header of its own", () => {
    const verification: Hmac = {
      ...bodyOnly,
      prefix: "",
      timestamp: { in: "header", header: "x-time", separator: ":", unit: "ms" },
      toleranceSeconds: 60,
    };
    const ms = NOW.getTime() - 5_000;
    const headers = { "x-signature": hmac("sha256", `${ms}:${BODY}`), "x-time": String(ms) };
    expect(matches(verification, headers)).toBe(true);
    expect(matches(verification, { "x-signature": headers["x-signature"] })).toEqual({
      problem: "missing_headers",
      missing: ["x-time"],
    });
  });

  it("checks a timestamp inside the body (Linear's webhookTimestamp)", () => {
    const verification: Hmac = {
      ...bodyOnly,
      prefix: "",
      bodyTimestamp: { field: "webhookTimestamp", toleranceSeconds: 60 },
    };
    const fresh = JSON.stringify({ action: "create", webhookTimestamp: NOW.getTime() - 10_000 });
    const stale = JSON.stringify({ action: "create", webhookTimestamp: NOW.getTime() - 61_000 });
    expect(matches(verification, { "x-signature": hmac("sha256", fresh) }, SECRET, fresh)).toBe(true);
    expect(matches(verification, { "x-signature": hmac("sha256", stale) }, SECRET, stale)).toMatchObject({
      problem: "stale",
      driftSeconds: 61,
    });
  });
});
