import { describe, expect, it } from "vitest";
import { isProblem } from "./scheme";
import { tokenScheme } from "./token";

const verification = { scheme: "token", header: "x-gitlab-token" } as const;

function read(headers: Record<string, string>) {
  return tokenScheme.read({ headers: new Headers(headers), body: "{}" }, verification, new Date());
}

describe("the token scheme", () => {
  it("matches the saved token exactly, and nothing shorter, longer or different", () => {
    const signature = read({ "x-gitlab-token": "glpat-secret-token" });
    if (isProblem(signature)) throw new Error("expected a signature");
    expect(signature.matches("glpat-secret-token")).toBe(true);
    expect(signature.matches("glpat-secret-toke")).toBe(false);
    expect(signature.matches("glpat-secret-token!")).toBe(false);
    expect(signature.matches("GLPAT-SECRET-TOKEN")).toBe(false);
  });

  it("names the header when it is missing or blank", () => {
    expect(read({})).toEqual({ problem: "missing_headers", missing: ["x-gitlab-token"] });
    expect(read({ "x-gitlab-token": "  " })).toEqual({ problem: "missing_headers", missing: ["x-gitlab-token"] });
  });

  it("signs by sending the token in its header", () => {
    expect(tokenScheme.sign("{}", "abc", verification, { id: "1", now: new Date() })).toEqual({
      "x-gitlab-token": "abc",
    });
  });
});
