import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, writeLogsForTests } from "../../lib/logging/create-logger";
import { buildIfNeeded } from "../../lib/server/build-if-needed";

// `npm start` builds the dashboard on first start. A real `next build` takes minutes, so these run
// buildIfNeeded with a stand-in build (a real child process) that prints what `next build` prints.

const ROUTE_TABLE = [
  "   ▲ Next.js 16.4.6",
  "   Creating an optimized production build ...",
  " ⚠ Compiled with warnings in 20s",
  "Route (app)",
  "┌ ƒ /",
  "├ ƒ /overview",
  "└ ƒ /webhooks/[webhookId]",
  "ƒ  (Dynamic)  server-rendered on demand",
];

let restoreLogs: (() => void) | undefined;
afterEach(() => restoreLogs?.());

function project(script: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "hookbell-build-"));
  mkdirSync(path.join(root, "app"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() {}\n");
  writeFileSync(path.join(root, "fake-build.mjs"), script);
  return root;
}

function build(root: string): { lines: { level: string; msg: string }[]; error?: Error } {
  const lines: { level: string; msg: string }[] = [];
  restoreLogs = writeLogsForTests({ format: "json", level: "info" }, (line) => lines.push(JSON.parse(line)));
  try {
    buildIfNeeded(root, createLogger("build"), { file: process.execPath, args: ["fake-build.mjs"] });
    return { lines };
  } catch (error) {
    return { lines, error: error as Error };
  }
}

describe("building the dashboard on start", () => {
  it("says it builds and how long it took, with Next's warnings but not its route table", () => {
    const root = project(`
      import { mkdirSync, writeFileSync } from "node:fs";
      console.log(${JSON.stringify(ROUTE_TABLE.join("\n"))});
      mkdirSync(".next", { recursive: true });
      writeFileSync(".next/BUILD_ID", "fake");
    `);
    const { lines, error } = build(root);
    expect(error).toBeUndefined();
    const messages = lines.map((line) => line.msg);
    expect(messages[0]).toBe("Building the dashboard (first start, about a minute)…");
    expect(messages.at(-1)).toMatch(/^Built the dashboard in \d+ s\.$/);
    for (const row of ["Route (app)", "/overview", "(Dynamic)", "Creating an optimized"]) {
      expect(messages.join("\n")).not.toContain(row);
    }
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "warn", msg: "next build: ⚠ Compiled with warnings in 20s" }),
    );
    // Built once: the next start finds the build fresh and says nothing.
    expect(build(root).lines).toEqual([]);
  });

  it("prints the whole output of a failed build, line by line, and fails the start", () => {
    const root = project(`
      console.log("Creating an optimized production build ...");
      console.error("Type error: Property 'x' does not exist on type 'Y'.");
      console.error("  at app/page.tsx:3:7");
      process.exit(1);
    `);
    const { lines, error } = build(root);
    expect(error?.message).toMatch(/building the dashboard failed \(exit code 1\)/);
    expect(lines.filter((line) => line.level === "error").map((line) => line.msg)).toEqual([
      "next build: Creating an optimized production build ...",
      "next build: Type error: Property 'x' does not exist on type 'Y'.",
      "next build:   at app/page.tsx:3:7",
    ]);
  });
});
