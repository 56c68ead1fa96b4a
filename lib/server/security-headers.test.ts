import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

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
});
