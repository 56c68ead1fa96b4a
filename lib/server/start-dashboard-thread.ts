import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { wakeWorkers } from "../delivery/wake-workers";
import { forgetIngestWebhook } from "../ingest/webhook-cache";
import { startThread } from "../start-thread";
import type { DashboardThreadData, DashboardThreadMessage } from "./next-thread";

export type DashboardThread = {
  /** The Unix socket the dashboard listens on (in a folder only this user can enter). */
  socketPath: string;
  stop(): Promise<void>;
};

/**
 * Starts the dashboard's Next.js server on its own thread and resolves once it listens. A thread that
 * dies afterwards calls `onExit`: the process cannot serve the dashboard any more.
 */
export function startDashboardThread(
  options: Omit<DashboardThreadData, "socketPath">,
  onExit: (reason: string) => void,
): Promise<DashboardThread> {
  const folder = mkdtempSync(path.join(tmpdir(), "hookbell-"));
  const socketPath = path.join(folder, "dashboard.sock");
  const workerData: DashboardThreadData = { ...options, socketPath };
  const worker = startThread(new URL("./next-thread.ts", import.meta.url), { workerData });
  let isStopping = false;
  const stop = async () => {
    isStopping = true;
    await worker.terminate();
    rmSync(folder, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let isReady = false;
    worker.on("message", (message: DashboardThreadMessage) => {
      if (message.type === "wake") wakeWorkers();
      else if (message.type === "webhook-changed") forgetIngestWebhook(message.webhookId);
      else if (message.type === "ready") {
        isReady = true;
        resolve({ socketPath, stop });
      }
    });
    worker.on("error", (error) => {
      if (!isReady) reject(error);
      else onExit(`the dashboard thread failed: ${error.message}`);
    });
    worker.on("exit", (code) => {
      rmSync(folder, { recursive: true, force: true });
      if (!isReady) reject(new Error(`the dashboard thread exited with code ${code} before it was ready`));
      else if (!isStopping) onExit(`the dashboard thread exited with code ${code}`);
    });
  });
}
