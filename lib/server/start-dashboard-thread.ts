import { wakeWorkers } from "../delivery/wake-workers";
import { forgetIngestWebhook } from "../ingest/webhook-cache";
import { startThread } from "../start-thread";
import { prepareDashboardSocket } from "./dashboard-socket";
import type { DashboardThreadData, DashboardThreadMessage } from "./next-thread";
import { serveRender } from "./render-bridge";

export type DashboardThread = {
  /** The Unix socket the dashboard listens on (see prepareDashboardSocket). */
  socketPath: string;
  stop(): Promise<void>;
};

/**
 * Starts the dashboard's Next.js server on its own thread and resolves once it listens. A thread that
 * dies afterwards calls `onExit`: the process cannot serve the dashboard any more.
 */
export function startDashboardThread(
  { dataDir, ...options }: Omit<DashboardThreadData, "socketPath"> & { dataDir: string },
  onExit: (reason: string) => void,
): Promise<DashboardThread> {
  const { socketPath, remove } = prepareDashboardSocket(dataDir);
  const workerData: DashboardThreadData = { ...options, socketPath };
  const worker = startThread(new URL("./next-thread.ts", import.meta.url), { workerData });
  let isStopping = false;
  const stop = async () => {
    isStopping = true;
    await worker.terminate();
    remove();
  };
  return new Promise((resolve, reject) => {
    let isReady = false;
    worker.on("message", (message: DashboardThreadMessage) => {
      if (message.type === "wake") wakeWorkers();
      else if (message.type === "webhook-changed") forgetIngestWebhook(message.webhookId);
      else if (message.type === "render") serveRender(worker, message);
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
      remove();
      if (!isReady) reject(new Error(`the dashboard thread exited with code ${code} before it was ready`));
      else if (!isStopping) onExit(`the dashboard thread exited with code ${code}`);
    });
  });
}
