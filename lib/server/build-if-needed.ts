import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const SKIP = new Set(["node_modules", ".next"]);

/** A fingerprint of everything the Next build reads: names, sizes and modification times. */
function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  const walk = (entry: string) => {
    const full = path.join(root, entry);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const child of readdirSync(full).sort()) if (!SKIP.has(child)) walk(path.join(entry, child));
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(walk);
  return hash.digest("hex");
}

/** Runs `next build` when there is no build yet or the sources changed since the last one. */
export function buildIfNeeded(root: string, log: (line: string) => void): void {
  const stampFile = path.join(root, ".next", "hookbell-build-stamp");
  const fingerprint = sourceFingerprint(root);
  const isFresh =
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (isFresh) return;
  log("Building the dashboard (first start or changed sources; this takes a minute)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above.");
  writeFileSync(stampFile, fingerprint);
}
