import { describe, expect, it } from "vitest";
import { returnPathFromRequest, safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeReturnPath("/logs/evt_x")).toBe("/logs/evt_x");
    expect(safeReturnPath("/webhooks/wh_1?tab=channels#email")).toBe("/webhooks/wh_1?tab=channels#email");
  });

  it("sends anything that could leave the site to the overview", () => {
    for (const value of [
      "//evil.com",
      "/\\evil.com",
      "\\\\evil.com",
      "https://evil.com",
      "http:evil.com",
      "javascript:alert(1)",
      "/\t/evil.com",
      "/\n/evil.com",
      "evil.com",
      "",
      undefined,
      ["/logs"],
    ]) {
      expect(safeReturnPath(value), JSON.stringify(value)).toBe("/overview");
    }
  });

  it("does not send a user back to the sign-in or sign-up page or to an API", () => {
    expect(safeReturnPath("/signin?callbackUrl=/logs")).toBe("/overview");
    expect(safeReturnPath("/signup")).toBe("/overview");
    expect(safeReturnPath("/api/auth/signout")).toBe("/overview");
  });
});

describe("returnPathFromRequest", () => {
  it("reads the page asked for, without the RSC marker of a client navigation", () => {
    const headers = (path: string) => new Headers({ "x-hookbell-path": path });
    expect(returnPathFromRequest(headers("/logs/evt_x?_rsc=abc12"))).toBe("/logs/evt_x");
    expect(returnPathFromRequest(headers("/logs?outcome=rejected&_rsc=abc12"))).toBe("/logs?outcome=rejected");
    expect(returnPathFromRequest(headers("/overview"))).toBeUndefined();
    expect(returnPathFromRequest(new Headers())).toBeUndefined();
  });
});
