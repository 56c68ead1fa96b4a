import type { NextRequest } from "next/server";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A sign-in or sign-out link's `callbackUrl` that is not an http(s) URL or a path (a typo, or text made to
 * forge a log line) is bad input: next-auth would answer 500; without it the user lands on the default
 * page. Control characters are refused too: next-auth would put them in a Location header. Another
 * site's URL is left to next-auth's redirect callback, which sends the user to this origin instead.
 */
export function dropBadCallbackUrl(request: NextRequest): void {
  const value = request.nextUrl.searchParams.get("callbackUrl");
  if (value !== null && !isCallbackUrl(value, request.nextUrl.origin)) {
    request.nextUrl.searchParams.delete("callbackUrl");
  }
}

function isCallbackUrl(value: string, origin: string): boolean {
  if (CONTROL.test(value)) return false;
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}
