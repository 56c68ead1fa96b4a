import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { getEnv } from "@/lib/env";

// Shared parts of the fault, load and fuzz tests: the real server as a child process on the test file's
// own data folder, a bounded-concurrency runner, a seeded PRNG and a poller.

export type RunningServer = {
  url: string;
  port: number;
  child: ChildProcess;
  logs: () => string;
  /** Resolves with the exit code, or the signal's name when the process was killed. */
  exited: Promise<number | string | null>;
  /** SIGKILL: the server dies between two instructions, as on a power cut of the process. */
  kill: () => Promise<void>;
  /** SIGTERM, the graceful stop of `npm start`. */
  stop: () => Promise<void>;
};

const running = new Set<ChildProcess>();

export async function freePort(): Promise<number> {
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
 * Starts Hookbell as `npm start` does (scripts/start.mjs: compile, migrations, build if needed, serve), on the test file's SQLite
 * database and data folder (see setup-env.ts), and waits for "Dashboard ready". node itself runs the
 * server (not npm), so a SIGKILL hits the server process and nothing is left behind.
 */
export async function startServer(extraEnv: Record<string, string> = {}, port?: number): Promise<RunningServer> {
  const env = getEnv();
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const child = spawn(process.execPath, ["scripts/start.mjs", "server"], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? env.HOOKBELL_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      HOOKBELL_DATA_DIR: env.HOOKBELL_DATA_DIR,
      DATABASE_URL: env.DATABASE_URL,
      PORT: String(listenPort),
      HOST: "127.0.0.1",
      APP_URL: url,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    }),
  );

  const ready = await Promise.race([
    until(() => output.includes("Dashboard ready"), "the server to start", 220_000).then(() => true),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`the server exited before it was ready:\n${output}`);

  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return {
    url,
    port: listenPort,
    child,
    logs: () => output,
    exited,
    kill: () => signal("SIGKILL"),
    stop: () => signal("SIGTERM"),
  };
}

/** For afterAll: SIGKILLs every server this test file started that is still running, each by its own handle. */
export async function killServers(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
}

export type Answer = { status: number; json: Record<string, unknown> } | { status: 0; error: string };

/** POSTs to the ingest URL; a connection that fails or is cut answers status 0 with the error. */
export async function postIngest(
  baseUrl: string,
  webhookId: string,
  body: BodyInit,
  headers: Record<string, string>,
  init: RequestInit = {},
): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}/api/ingest/${webhookId}`, { method: "POST", body, headers, ...init });
    const text = await response.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text);
    } catch {
      json = { unparsed: text.slice(0, 200) };
    }
    return { status: response.status, json };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, error: String(cause?.code ?? cause?.message ?? error) };
  }
}

/** Runs `work` over `items` with at most `concurrency` calls in flight; results keep the items' order. */
export async function mapPool<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A small seeded PRNG (mulberry32): the same seed replays the same run. */
export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** The seed of a randomised run: HOOKBELL_SEED replays a failure, else a fresh one. */
export function runSeed(): number {
  const given = Number(process.env.HOOKBELL_SEED);
  return Number.isInteger(given) && given > 0 ? given : (Date.now() ^ (process.pid << 16)) >>> 0 || 1;
}
