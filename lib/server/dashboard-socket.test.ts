import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareDashboardSocket } from "./dashboard-socket";

describe("prepareDashboardSocket", () => {
  it("puts this process's socket in <data dir>/run, open to this user only, removing sockets of processes that are gone", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "hb-socket-"));
    const run = path.join(dataDir, "run");
    mkdirSync(run);
    // A process that has exited: its pid no longer runs.
    const gone = spawnSync(process.execPath, ["-e", "process.pid"]).pid as number;
    writeFileSync(path.join(run, `dashboard-${gone}.sock`), "");
    writeFileSync(path.join(run, `dashboard-${process.ppid}.sock`), ""); // still running

    const { socketPath, remove } = prepareDashboardSocket(dataDir);
    expect(socketPath).toBe(path.join(run, `dashboard-${process.pid}.sock`));
    expect(statSync(run).mode & 0o777).toBe(0o700);
    expect(existsSync(path.join(run, `dashboard-${gone}.sock`))).toBe(false);
    expect(existsSync(path.join(run, `dashboard-${process.ppid}.sock`))).toBe(true);

    writeFileSync(socketPath, "");
    remove();
    expect(existsSync(socketPath)).toBe(false);
  });

  it("falls back to a private temporary folder when the data folder's path is too long for a socket", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "hb-socket-")), "x".repeat(120));
    const { socketPath, remove } = prepareDashboardSocket(dataDir);
    expect(Buffer.byteLength(socketPath)).toBeLessThanOrEqual(100);
    expect(statSync(path.dirname(socketPath)).mode & 0o777).toBe(0o700);
    remove();
    expect(existsSync(path.dirname(socketPath))).toBe(false);
  });
});
