// Where sign-in (and sign-up) send the user afterwards: the page they asked for while signed out.
// Only a path on this site is accepted: "//evil.com", "/\evil.com" and "https://evil.com" would each send a
// freshly signed-in user to another site (an open redirect), so they fall back to the overview.

export const DEFAULT_RETURN_PATH = "/overview";

const BASE = "http://hookbell.invalid";

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return DEFAULT_RETURN_PATH;
  // Browsers read a backslash as a slash and drop tabs and newlines, so "/\evil.com" means "//evil.com".
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\") || hasControlCharacter(value)) {
    return DEFAULT_RETURN_PATH;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== BASE || /^\/(signin|signup|api)(\/|$)/.test(url.pathname)) return DEFAULT_RETURN_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The page a signed-out request asked for, from the header the dashboard's server sets from the request
 * line (lib/server/next-thread.ts); undefined when there is nothing better than the default.
 */
export function returnPathFromRequest(headers: Headers): string | undefined {
  const requested = headers.get("x-hookbell-path");
  if (!requested) return undefined;
  const path = safeReturnPath(requested.replace(/([?&])_rsc=[^&]*&?/, "$1").replace(/[?&]$/, ""));
  return path === DEFAULT_RETURN_PATH ? undefined : path;
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
