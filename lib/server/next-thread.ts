import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import next from "next";
import { onWake } from "../delivery/wake-workers";
import { onWebhookChange } from "../ingest/webhook-cache";
import { createLogger } from "../logging/create-logger";
import { routeConsoleToLogger } from "../logging/route-console-to-logger";
import { forwardRenders, type RenderRequest } from "./render-bridge";

// The dashboard's Next.js server, on a thread of its own (started by start-dashboard-thread.ts).
// Next installs process-wide hooks (async context tracking, patched Date, crypto and setImmediate) that
// cost every request of the isolate they run in; on this thread they leave the ingest front end alone.

export type DashboardThreadData = {
  isDev: boolean;
  dir: string;
  hostname: string;
  port: number;
  socketPath: string;
  /** APP_URL: the one origin whose server-action posts are accepted. */
  appUrl: string;
};

export type DashboardThreadMessage =
  | { type: "ready" }
  | { type: "wake" }
  | { type: "webhook-changed"; webhookId: string }
  | RenderRequest;

const port = parentPort;
if (!port) throw new Error("next-thread.ts runs as a worker thread.");
const { isDev, dir, hostname, port: publicPort, socketPath, appUrl } = workerData as DashboardThreadData;
// Next prints with console.*: its lines go through the logger like Hookbell's own.
routeConsoleToLogger("dashboard");
const log = createLogger("dashboard");

// Server actions that enqueue alerts (retry, replay) wake the delivery worker, which runs on the main thread.
onWake(() => port.postMessage({ type: "wake" } satisfies DashboardThreadMessage));
// Ingest (main thread) reuses webhook lookups for a second; a secret saved, or a webhook switched off or
// deleted from the dashboard, must take effect at once.
onWebhookChange((webhookId) =>
  port.postMessage({ type: "webhook-changed", webhookId } satisfies DashboardThreadMessage),
);

// Templates never render on this thread (a tenant's heavy template would stall every page): the main
// thread's render pool does it.
forwardRenders(port);

if (!isDev) applyBuiltConfig(dir, appUrl);
const app = next({ dev: isDev, dir, hostname, port: publicPort });
await app.prepare();
const handle = app.getRequestHandler();
const upgrade = isDev ? app.getUpgradeHandler() : undefined;
const server = createServer((req, res) => {
  // Pages have no API for their own path; requireTenant() reads it here to send a signed-out visitor back
  // to the page they asked for after signing in. Overwritten, so a client cannot supply it.
  req.headers["x-hookbell-path"] = req.url ?? "/";
  handle(req, res).catch((error: unknown) => {
    log.error("dashboard request failed", { err: error });
    if (!res.headersSent) res.writeHead(500).end();
  });
});
// Only the main thread's proxy connects, and it keeps its connections for the next requests: closing an
// idle one here could race with the proxy reusing it (a reset instead of an answer).
server.keepAliveTimeout = 0;
if (upgrade) server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
server.listen(socketPath, () => port.postMessage({ type: "ready" } satisfies DashboardThreadMessage));

/**
 * Serves with the configuration the build resolved (`.next/required-server-files.json`), as Next's own
 * standalone server does: Next then does not load next.config.ts, which it compiles with its SWC native
 * module (about 25 MB of memory for the life of the process). Without that file, Next reads next.config.ts.
 */
function applyBuiltConfig(root: string, appUrl: string): void {
  try {
    const built = JSON.parse(readFileSync(path.join(root, ".next", "required-server-files.json"), "utf8"));
    if (built?.config && typeof built.config === "object") {
      // The build may have been made with another APP_URL (one build, several deployments): the origin
      // server actions accept is the one this process serves.
      built.config.experimental ??= {};
      built.config.experimental.serverActions = {
        ...built.config.experimental.serverActions,
        allowedOrigins: [new URL(appUrl).host],
      };
      process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(built.config);
    }
  } catch {
    // No build manifest: Next loads next.config.ts itself.
  }
}
