import { describe, expect, it } from "vitest";
import { headerNameSetting } from "./header-name";

const setting = headerNameSetting("Secret header");
const problem = (value: unknown) => {
  const parsed = setting.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

describe("a header name setting", () => {
  it("keeps a header name trimmed and lower-cased, authorization included", () => {
    expect(setting.parse("  X-Webhook-Secret ")).toBe("x-webhook-secret");
    expect(setting.parse("Authorization")).toBe("authorization");
    expect(setting.parse("x_hook.token")).toBe("x_hook.token");
  });

  it("refuses what is not a header name, naming the field", () => {
    expect(problem("x secret")).toMatch(/^Secret header: a header name has only/);
    expect(problem("x-secret:")).toMatch(/^Secret header: a header name has only/);
    expect(problem("x-sécret")).toMatch(/^Secret header: a header name has only/);
    expect(problem("")).toBe("Secret header: enter a header name.");
    expect(problem(42)).toBe("Secret header: enter a header name.");
    expect(problem("x".repeat(101))).toMatch(/^Secret header: a header name is at most 100/);
  });

  it("refuses headers clients and proxies set themselves", () => {
    for (const name of [
      "Content-Type",
      "host",
      "content-length",
      "cookie",
      "x-forwarded-for",
      "proxy-foo",
      "sec-fetch-mode",
    ]) {
      expect(problem(name), name).toMatch(/^Secret header: that header is set by HTTP clients and proxies/);
    }
  });
});
