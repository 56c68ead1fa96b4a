import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * Starts a worker thread running a TypeScript module. Node 20 does not apply the parent's `--import tsx`
 * (nor a test runner's transform) to worker threads, so the thread registers tsx before importing it.
 */
export function startThread(moduleUrl: URL, options: WorkerOptions = {}): Worker {
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
