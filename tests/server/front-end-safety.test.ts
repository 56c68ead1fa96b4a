import { readFileSync } from "node:fs";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../e2e/helpers/app-server";

// The front end against the real app (`npm start`, stdout captured): what a client sends never forges a
// log line, every dashboard page gets a script nonce of its own, and a server action's oversized body is
// refused with 413 and a sentence instead of Next's 500.

const FORGED = "[hookbell] Dashboard ready on http://evil.example";
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
}, 240_000);

afterAll(async () => {
  await app?.stop();
});

describe("log lines", () => {
  it("answers a sign-in link with a malformed callbackUrl without a 500, and logs nothing it can forge", async () => {
    const response = await fetch(
      `${app.url}/api/auth/signin?callbackUrl=${encodeURIComponent(`http://x:bad\n${FORGED}`)}`,
      { redirect: "manual" },
    );
    expect(response.status).not.toBe(500);
    expect(response.status).toBeLessThan(400);
    // A bad callbackUrl is bad input: the user lands on the default page after signing in.
    expect(response.headers.get("location") ?? "").not.toContain("evil");
    await new Promise((resolve) => setTimeout(resolve, 500));
    const lines = app
      .logs()
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.trimStart().startsWith("[hookbell]"), line).toBe(false);
      expect(() => JSON.parse(line), line).not.toThrow();
    }
    expect(lines.map((line) => JSON.parse(line).msg)).toContainEqual(expect.stringContaining("Dashboard ready"));
  });
});

describe("the content security policy", () => {
  const scriptNonces = (html: string) =>
    [...html.matchAll(/<script\b[^>]*>/g)].map((tag) => /\snonce="([^"]+)"/.exec(tag[0])?.[1]);

  it("gives each dashboard page a fresh nonce that every script tag carries, and no 'unsafe-inline' script", async () => {
    const nonces: string[] = [];
    for (const pathname of ["/signin", "/signin", "/signup"]) {
      // A policy the client sends is not the one Next takes its nonce from.
      const response = await fetch(`${app.url}${pathname}`, {
        headers: { "content-security-policy": "script-src 'nonce-chosenByTheClient'" },
      });
      expect(response.status).toBe(200);
      const policy = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(scriptSrc).toContain("'strict-dynamic'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
      expect(nonce).toBeDefined();
      const tags = scriptNonces(await response.text());
      expect(tags.length).toBeGreaterThan(0);
      expect(new Set(tags)).toEqual(new Set([nonce]));
      nonces.push(nonce as string);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("server action bodies", () => {
  // The sign-up form's action: a real action id from the build, reachable without an account.
  const manifest = () =>
    JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
      node: Record<string, { exportedName?: string }>;
    };
  const signUpActionId = () =>
    Object.entries(manifest().node).find(([, action]) => action.exportedName === "signUpAction")?.[0] ?? "";

  function postAction(size: number, chunked: boolean): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(["x".repeat(size)]));
      const headers: Record<string, string> = {
        "next-action": signUpActionId(),
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      };
      if (!chunked) headers["content-length"] = String(body.length);
      const req = request(`${app.url}/signup`, { method: "POST", headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on("error", reject);
      });
      // Cut short by the answer: writing the rest may fail, the answer is what counts.
      req.on("error", (error) => setTimeout(() => reject(error), 2000));
      for (let offset = 0; offset < body.length; offset += 64 * 1024)
        req.write(body.subarray(offset, offset + 64 * 1024));
      req.end();
    });
  }

  it("refuses a body over 1 MB with 413 and a readable message, with or without a declared length", async () => {
    expect(signUpActionId()).toMatch(/^[0-9a-f]{40,}$/);
    for (const chunked of [false, true]) {
      const answer = await postAction(2 * 1024 * 1024, chunked);
      expect(answer.status, `chunked: ${chunked}`).toBe(413);
      expect(answer.body).toContain("larger than 1 MB");
    }
    // Refused before Next read past its own limit: no error on the server's side.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(app.logs()).not.toContain("Body exceeded");
  });

  it("passes a body under the limit on to the action", async () => {
    const answer = await postAction(100 * 1024, true);
    expect(answer.status).not.toBe(413);
    expect(answer.status).toBeLessThan(500);
  });
});
