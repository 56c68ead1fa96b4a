import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread running a TypeScript module (`moduleUrl`, beside the caller).
 *
 * Compiled by scripts/start.mjs (`npm start`), this file is part of a `.mjs` bundle, and the thread's module
 * was compiled beside it under its own name: the thread runs that. From source (`npm run dev`, tests), Node
 * 20 does not apply the parent's `--import tsx` (nor a test runner's transform) to worker threads, so the
 * thread registers tsx before importing the module.
 */
export function startThread(moduleUrl: URL, options: WorkerOptions = {}): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".mjs")) {
    return new Worker(path.join(path.dirname(here), `${path.basename(moduleUrl.pathname, ".ts")}.mjs`), options);
  }
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/**
 * Where a thread pool (piscina) finds a thread module, as `startThread` runs one: the compiled `.mjs`
 * beside the bundle, or from source the TypeScript file with tsx registered in each thread.
 */
export function threadModule(moduleUrl: URL): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith(".mjs")) {
    return { filename: path.join(path.dirname(here), `${path.basename(moduleUrl.pathname, ".ts")}.mjs`), execArgv: [] };
  }
  return { filename: fileURLToPath(moduleUrl), execArgv: ["--import", "tsx"] };
}
