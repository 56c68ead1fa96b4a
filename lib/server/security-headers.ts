// Headers on every response: a content security policy that only allows this origin, no framing, no MIME
// sniffing, a strict referrer policy, and HSTS when Hookbell is served over https. Alert HTML shown in
// sandboxed iframes inherits the policy, so remote images in an email preview (tracking pixels included)
// do not load. Dashboard pages get a policy with a fresh script nonce each (set-script-nonce.ts).

/**
 * Scripts: with a nonce, only the scripts Next marked with it, and what they load ('strict-dynamic'); no
 * inline script a page did not mean to run. Styles keep 'unsafe-inline': React renders `style`
 * attributes (charts, progress bars) and sonner injects its stylesheet, and a nonce cannot cover style
 * attributes; CSS cannot run script, so this leaves script injection closed.
 */
export function contentSecurityPolicy(isDev: boolean, nonce?: string): string {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self'";
  return [
    "default-src 'self'",
    // The dev server's hot reload evaluates modules.
    `script-src ${scripts}${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(appUrl: string, isDev: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(isDev),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (appUrl.startsWith("https://")) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
