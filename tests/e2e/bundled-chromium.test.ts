import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { unpackChromium } from "../helpers/unpack-chromium";

// The browser `npm install` brings (@sparticuz/chromium), for machines without a system chromium: .ci/run
// installs none, so every CI run depends on it.

const run = promisify(execFile);
const cacheRoot = mkdtempSync(path.join(tmpdir(), "hookbell-chromium-cache-"));

afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

describe.skipIf(process.platform !== "linux" || process.arch !== "x64")("the npm-installed Chromium", () => {
  it("is unpacked once when several test processes first ask for it together, and each one launches it", async () => {
    const script = path.join(import.meta.dirname, "helpers", "open-bundled-chromium.ts");
    const opened = await Promise.all(
      [1, 2, 3].map(() => run(process.execPath, ["--import", "tsx", script, cacheRoot], { timeout: 180_000 })),
    );
    const results = opened.map(({ stdout }) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
    for (const result of results) expect(result.text).toBe("rendered");
    expect(new Set(results.map((result) => result.executablePath)).size).toBe(1);
    // One finished copy, no half-unpacked folder left beside it.
    expect(readdirSync(cacheRoot)).toEqual([path.basename(path.dirname(results[0].executablePath))]);
  }, 240_000);

  it("runs on the NSS, NSPR and expat it brought, which a bare Debian 12 does not have", async () => {
    const launch = await unpackChromium(cacheRoot);
    const { stdout } = await run("ldd", [launch.executablePath], { env: { ...process.env, ...launch.env } });
    expect(stdout).not.toContain("not found");
    const ownLibraries = path.join(path.dirname(launch.executablePath), "al2023", "lib");
    for (const library of ["libnss3.so", "libnspr4.so", "libexpat.so.1"]) {
      expect(stdout).toContain(`${library} => ${path.join(ownLibraries, library)}`);
    }
  });
});
