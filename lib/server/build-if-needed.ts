import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { isProcessRunning } from "./is-process-running";

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
  const isFresh = () =>
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (isFresh()) return;
  // Two servers starting at once (or a server and a test run) must not build into .next together.
  withBuildLock(root, log, () => {
    if (!isFresh()) build(root, log, stampFile, fingerprint);
  });
}

function build(root: string, log: (line: string) => void, stampFile: string, fingerprint: string): void {
  log("Building the dashboard (first start or changed sources; this takes a minute)…");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed; see the output above.");
  writeFileSync(stampFile, fingerprint);
}

function withBuildLock(root: string, log: (line: string) => void, work: () => void): void {
  const lockFile = path.join(root, ".next-build.lock");
  let hasWaited = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8"));
      if (!isProcessRunning(holder)) {
        rmSync(lockFile, { force: true }); // left behind by a build that was killed
        continue;
      }
      if (!hasWaited) log(`Waiting for the build started by process ${holder}…`);
      hasWaited = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
