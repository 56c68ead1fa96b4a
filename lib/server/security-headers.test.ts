import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("forbid framing and foreign content, and add HSTS only over https", () => {
    const local = securityHeaders("http://localhost:3000", false);
    expect(local["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(local["Content-Security-Policy"]).toContain("default-src 'self'");
    expect(local["Content-Security-Policy"]).not.toContain("unsafe-eval");
    expect(local["X-Frame-Options"]).toBe("DENY");
    expect(local["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders("https://hookbell.example.com", false)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
  });

  it("allow a dashboard page's scripts only through its nonce, never as inline script", () => {
    for (const isDev of [false, true]) {
      const scriptSrc = contentSecurityPolicy(isDev, "bm9uY2U=")
        .split("; ")
        .find((directive) => directive.startsWith("script-src "));
      expect(scriptSrc).toMatch(/^script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'/);
      expect(scriptSrc).not.toContain("unsafe-inline");
    }
    // Responses that are not dashboard pages (ingest, health) get the policy without a nonce.
    expect(securityHeaders("http://localhost:3000", false)["Content-Security-Policy"]).toContain("script-src 'self';");
  });
});
