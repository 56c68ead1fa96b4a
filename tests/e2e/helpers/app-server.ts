import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { emptyDatabaseEnv } from "../../helpers/test-db";

export type RunningApp = {
  url: string;
  dataDir: string;
  /** Runs SQL on the app's own database (SQLite file, or the PostgreSQL test database of a pg run). */
  sql: (statement: string) => Promise<void>;
  logs: () => string;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
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
 * Starts Hookbell exactly as `npm start` does (scripts/start.mjs: compile, data folder, migrations, build if needed,
 * serve) on a free loopback port with an empty data folder (and an empty database under `npm run test:pg`),
 * and waits until it is ready.
 */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "hookbell-e2e-"));
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dataDir,
    HOOKBELL_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: url,
    ...(await emptyDatabaseEnv()),
    ...extraEnv,
  };
  const databaseUrl = env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ["scripts/start.mjs", "server"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in time:\n${output}`)), 220_000);
    const check = setInterval(() => {
      if (output.includes("Dashboard ready")) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    child.on("exit", (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    dataDir,
    sql: async (statement) => {
      if (databaseUrl?.startsWith("postgres")) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
        return;
      }
      const db = new Database(path.join(dataDir, "hookbell.db"));
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    },
    logs: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
