import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// Every server and temporary folder the bench makes is registered here and removed by the bench itself:
// after each phase, on an error, on Ctrl-C, and (servers SIGKILLed, folders deleted) when the process exits.

const children = new Set<ChildProcess>();
const folders = new Set<string>();
const cleanups = new Set<() => Promise<void>>();

export type Spawned = {
  child: ChildProcess;
  pid: number;
  url: string;
  output: () => string;
  stop: () => Promise<void>;
};

export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `hookbell-bench-${prefix}-`));
  folders.add(dir);
  return dir;
}

export function removeFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  folders.delete(dir);
}

/** Work to undo on an early exit (a database to drop, a stand-in server to close). */
export function onCleanup(work: () => Promise<void>): () => void {
  cleanups.add(work);
  return () => cleanups.delete(work);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Runs an entry with node itself (TypeScript through `node --import tsx`, JavaScript such as scripts/start.mjs
 * as it is; never a wrapper such as npm or tsx's, whose child would outlive a kill) and waits until its output
 * contains `readyText`.
 */
export async function spawnServer(options: {
  script: string;
  args?: string[];
  env: Record<string, string>;
  port: number;
  readyText: string;
  timeoutMs?: number;
  /** Node's own options before the entry (e.g. --cpu-prof). */
  nodeArgs?: string[];
}): Promise<Spawned> {
  // Only what the bench chooses: nothing from the caller's environment leaks into a measured server.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? tmpdir(),
    ...options.env,
  };
  const loader = options.script.endsWith(".ts") ? ["--import", "tsx"] : [];
  const argv = [...(options.nodeArgs ?? []), ...loader, options.script, ...(options.args ?? [])];
  const child = spawn(process.execPath, argv, {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      children.delete(child);
      resolve();
    }),
  );
  const timeoutMs = options.timeoutMs ?? 300_000;
  const deadline = Date.now() + timeoutMs;
  let isExited = false;
  void exited.then(() => (isExited = true));
  while (!output.includes(options.readyText)) {
    if (isExited) throw new Error(`${options.script} exited before it was ready:\n${output.slice(-4000)}`);
    if (Date.now() > deadline) {
      await stopChild(child, exited);
      throw new Error(`${options.script} not ready after ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    pid: child.pid ?? 0,
    url: `http://127.0.0.1:${options.port}`,
    output: () => output,
    stop: () => stopChild(child, exited),
  };
}

/** SIGTERM (a graceful stop), then SIGKILL if it is still running after three seconds. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}

/** Stops everything still registered; safe to call more than once. */
export async function cleanUpAll(): Promise<void> {
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map((work) => work()));
  await Promise.allSettled(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
  for (const dir of [...folders]) removeFolder(dir);
}

let isInstalled = false;

/** Ctrl-C and SIGTERM clean up and exit; a plain exit still kills the children and removes the folders. */
export function installCleanupHandlers(log: (line: string) => void): void {
  if (isInstalled) return;
  isInstalled = true;
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal} received: stopping servers and removing temporary folders…`);
    void cleanUpAll().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  process.once("exit", () => {
    for (const child of children) child.kill("SIGKILL");
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });
}
