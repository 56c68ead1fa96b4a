import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isProcessRunning } from "./is-process-running";

/** Unix socket paths are limited to about 104 bytes (macOS) or 108 (Linux). */
const MAX_SOCKET_PATH = 100;

/**
 * Where the dashboard thread listens: `<data dir>/run/dashboard-<pid>.sock`, in a folder only this user
 * can enter. Sockets left by processes that are gone (killed, never cleaned up) are removed first. A data
 * folder whose path is too long for a socket falls back to a private temporary folder.
 */
export function prepareDashboardSocket(dataDir: string): { socketPath: string; remove: () => void } {
  const folder = path.resolve(dataDir, "run");
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  chmodSync(folder, 0o700);
  for (const name of readdirSync(folder)) {
    const pid = /^dashboard-(\d+)\.sock$/.exec(name)?.[1];
    if (pid && !isProcessRunning(Number(pid))) rmSync(path.join(folder, name), { force: true });
  }
  const socketPath = path.join(folder, `dashboard-${process.pid}.sock`);
  if (Buffer.byteLength(socketPath) <= MAX_SOCKET_PATH) {
    rmSync(socketPath, { force: true });
    return { socketPath, remove: () => rmSync(socketPath, { force: true }) };
  }
  const temporary = mkdtempSync(path.join(tmpdir(), "hookbell-"));
  return {
    socketPath: path.join(temporary, "dashboard.sock"),
    remove: () => rmSync(temporary, { recursive: true, force: true }),
  };
}
