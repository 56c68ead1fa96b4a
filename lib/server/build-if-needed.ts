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
import { stripVTControlCharacters } from "node:util";
import type { Logger } from "../logging/create-logger";
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

export type BuildCommand = { file: string; args: string[] };

const nextBuild = (root: string): BuildCommand => ({
  file: path.join(root, "node_modules", ".bin", "next"),
  args: ["build"],
});

/**
 * Runs `next build` (or `command`, for tests) when there is no build yet or the sources changed since the
 * last one. What a user needs is said, not Next's route table: that it builds, how long it took, Next's
 * warnings, and on failure its whole output.
 */
export function buildIfNeeded(root: string, log: Logger, command: BuildCommand = nextBuild(root)): void {
  const stampFile = path.join(root, ".next", "hookbell-build-stamp");
  const fingerprint = sourceFingerprint(root);
  const isFresh = () =>
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (isFresh()) return;
  // Two servers starting at once (or a server and a test run) must not build into .next together.
  withBuildLock(root, log, () => {
    if (!isFresh()) build(root, log, command, stampFile, fingerprint);
  });
}

function build(root: string, log: Logger, command: BuildCommand, stampFile: string, fingerprint: string): void {
  const isFirst = !existsSync(path.join(root, ".next", "BUILD_ID"));
  log.info(`Building the dashboard (${isFirst ? "first start" : "the sources changed"}, about a minute)…`);
  const startedAt = Date.now();
  const result = spawnSync(command.file, command.args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const lines = `${result.stdout ?? ""}\n${result.stderr ?? ""}`
    .split(/\r?\n/)
    .map((line) => stripVTControlCharacters(line).trimEnd())
    .filter((line) => line.trim() !== "");
  if (result.status !== 0) {
    for (const line of lines) log.error(`next build: ${line}`);
    const reason = result.error ? result.error.message : `exit code ${result.status ?? result.signal}`;
    throw new Error(`building the dashboard failed (${reason}); the build's output is above.`);
  }
  for (const line of lines) if (/^\s*⚠/.test(line)) log.warn(`next build: ${line.trim()}`);
  writeFileSync(stampFile, fingerprint);
  log.info(`Built the dashboard in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
}

function withBuildLock(root: string, log: Logger, work: () => void): void {
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
      if (!hasWaited) log.info(`Waiting for the build started by process ${holder}…`);
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
