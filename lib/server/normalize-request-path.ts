const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/**
 * The one spelling of a request target the front end routes on and passes on: percent-encoded unreserved
 * characters decoded (`%2e` is `.`), other escapes upper-cased, backslashes and runs of slashes made one
 * slash, and `.`/`..` segments resolved (RFC 3986 §5.2.4, §6.2.2). `/api/./ingest/x`, `//api/ingest/x`
 * and `/api/ingest/y/%2e%2e/x` all become `/api/ingest/x`, so no spelling of a URL skips the routing (and
 * the rate limits) of another, and the dashboard never sees a path other than the one routed. An
 * absolute-form target (`http://host/path`) keeps only its path and query. Returns null for a target that
 * is no path at all (`*`, garbage).
 */
export function normalizeRequestPath(target: string | undefined): string | null {
  if (!target) return null;
  let raw = target;
  if (!raw.startsWith("/")) {
    if (!/^https?:\/\//i.test(raw)) return null;
    try {
      const url = new URL(raw);
      raw = `${url.pathname}${url.search}`;
    } catch {
      return null;
    }
  }
  const queryAt = raw.indexOf("?");
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? "" : raw.slice(queryAt);
  const decoded = path
    .replace(/%([0-9A-Fa-f]{2})/g, (match, hex: string) => {
      const char = String.fromCharCode(Number.parseInt(hex, 16));
      return UNRESERVED.test(char) ? char : match.toUpperCase();
    })
    .replace(/[\\/]+/g, "/");
  return `${removeDotSegments(decoded)}${query}`;
}

function removeDotSegments(path: string): string {
  const input = path.split("/").slice(1);
  const output: string[] = [];
  input.forEach((segment, index) => {
    const isLast = index === input.length - 1;
    if (segment === "." || segment === "..") {
      if (segment === "..") output.pop();
      // A path ending in a dot segment names the folder: `/a/b/..` is `/a/`.
      if (isLast) output.push("");
      return;
    }
    output.push(segment);
  });
  return `/${output.join("/")}`;
}
