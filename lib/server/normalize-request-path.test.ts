import { describe, expect, it } from "vitest";
import { normalizeRequestPath } from "./normalize-request-path";

describe("normalizeRequestPath", () => {
  it("resolves dot segments, encoded dots, repeated slashes and backslashes to one path", () => {
    for (const target of [
      "/api/./ingest/wh_1",
      "/api/ingest/x/../wh_1",
      "//api//ingest/wh_1",
      "/api/%2E/ingest/x/%2e%2E/wh_1",
      "/api\\ingest\\wh_1",
      "/../../api/ingest/wh_1",
      "/api/%69ngest/wh_1",
    ]) {
      expect(normalizeRequestPath(target), target).toBe("/api/ingest/wh_1");
    }
  });

  it("keeps the query as sent, other escapes as escapes (upper-cased) and a trailing slash", () => {
    expect(normalizeRequestPath("/logs/../logs/?q=a/../b&x=%2e")).toBe("/logs/?q=a/../b&x=%2e");
    expect(normalizeRequestPath("/api/ingest/a%2fb")).toBe("/api/ingest/a%2Fb");
    expect(normalizeRequestPath("/a/b/..")).toBe("/a/");
  });

  it("takes the path of an absolute-form target and refuses what is no path", () => {
    expect(normalizeRequestPath("http://evil.example/api/./ingest/wh_1?x=1")).toBe("/api/ingest/wh_1?x=1");
    expect(normalizeRequestPath("*")).toBeNull();
    expect(normalizeRequestPath(undefined)).toBeNull();
  });
});
