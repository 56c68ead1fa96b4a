import { knownSecretHeaders } from "../senders/secret-headers";

const DROPPED = new Set(["cookie", "authorization", "proxy-authorization"]);
/** Standard Webhooks signatures keep their version tags ("v1,[redacted]"); every other secret header: nothing. */
const VERSIONED = new Set(["svix-signature", "webhook-signature"]);
const MAX_HEADERS = 50;
const MAX_VALUE = 512;

/**
 * The headers kept in the log: credentials dropped, the signature headers of every sender (and the
 * webhook's own, `secretHeaders`, for senders whose header is a setting) redacted — Standard Webhooks
 * signatures to their version tags, enough to troubleshoot "v2 only" or "no signature" without storing a
 * replayable value; a token such as GitLab's is a password, so nothing of it stays — and everything
 * bounded so a hostile request cannot grow a row without limit.
 */
export function recordedHeaders(
  headers: { forEach(fn: (value: string, key: string) => void): void },
  secretHeaders: readonly string[] = [],
): Record<string, string> {
  const secrets = knownSecretHeaders();
  const out: Record<string, string> = {};
  let count = 0;
  headers.forEach((value, key) => {
    const name = key.toLowerCase();
    if (DROPPED.has(name) || count >= MAX_HEADERS) return;
    count++;
    if (VERSIONED.has(name)) out[name] = redactSignatures(value);
    else if (secrets.has(name) || secretHeaders.includes(name)) out[name] = "[redacted]";
    else out[name] = value.slice(0, MAX_VALUE);
  });
  return out;
}

function redactSignatures(value: string): string {
  return value
    .trim()
    .split(/\s+/)
    .slice(0, 10)
    .map((entry) => `${entry.split(",")[0].slice(0, 8)},[redacted]`)
    .join(" ");
}
