import type { SignedRequest } from "../sender";

/** What is wrong with a request's signature headers, as facts; lib/senders/verify-request.ts words them. */
export type SchemeProblem =
  | { problem: "missing_headers"; missing: string[] }
  | { problem: "invalid_timestamp"; header: string; value: string }
  | { problem: "malformed_signature"; header: string; expected: string }
  | { problem: "stale"; driftSeconds: number; toleranceSeconds: number };

/** A signature read from a request: compare it with each stored secret in turn. */
export type ReadSignature = { matches(secret: string): boolean };

export type Scheme<V> = {
  /** Reads the signature (and checks a signed timestamp) before any secret is tried. */
  read(request: SignedRequest, verification: V, now: Date): ReadSignature | SchemeProblem;
  /** The headers that sign `body` with `secret` the way the sender does (test events, the bench). */
  sign(body: string, secret: string, verification: V, message: { id: string; now: Date }): Record<string, string>;
};

export function isProblem(value: ReadSignature | SchemeProblem): value is SchemeProblem {
  return "problem" in value;
}

/** Seconds between `now` and a signed time; positive: the signature is older than our clock. */
export function driftSeconds(signedAtMs: number, now: Date): number {
  return Math.floor((now.getTime() - signedAtMs) / 1000);
}
