import { createHash, timingSafeEqual } from "node:crypto";
import type { Verification } from "../sender";
import type { Scheme } from "./scheme";

type Token = Extract<Verification, { scheme: "token" }>;

/**
 * A shared secret sent as is in a header (GitLab's X-Gitlab-Token, a header a Supabase database webhook
 * adds). Compared through SHA-256 digests so the comparison takes the same time whatever the lengths.
 */
export const tokenScheme: Scheme<Token> = {
  read(request, verification) {
    const value = request.headers.get(verification.header)?.trim();
    if (!value) return { problem: "missing_headers", missing: [verification.header] };
    const given = digest(value);
    return { matches: (secret) => timingSafeEqual(given, digest(secret)) };
  },
  sign(_body, secret, verification) {
    return { [verification.header]: secret };
  },
};

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
