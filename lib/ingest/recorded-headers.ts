const DROPPED = new Set(["cookie", "authorization", "proxy-authorization"]);
const SIGNATURES = new Set(["svix-signature", "webhook-signature"]);
const MAX_HEADERS = 50;
const MAX_VALUE = 512;

/**
 * The headers kept in the log: credentials dropped, signature values redacted to their version tags
 * (enough to troubleshoot "v2 only" or "no signature" without storing a replayable value), and
 * everything bounded so a hostile request cannot grow a row without limit.
 */
export function recordedHeaders(headers: {
  forEach(fn: (value: string, key: string) => void): void;
}): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  headers.forEach((value, key) => {
    const name = key.toLowerCase();
    if (DROPPED.has(name) || count >= MAX_HEADERS) return;
    count++;
    out[name] = SIGNATURES.has(name) ? redactSignatures(value) : value.slice(0, MAX_VALUE);
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
