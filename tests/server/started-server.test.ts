import { spawn } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { killServers, startServer, until } from "../helpers/load";
import { isPostgresRun } from "../helpers/test-db";

// `npm start` and `npm run worker` on the test file's data folder: the folder and its files are private to
// this user (also when an older version left them readable), and the dashboard refuses a server action
// whose Origin another site forged together with X-Forwarded-Host.

afterAll(() => killServers());

const dataDir = () => getEnv().HOOKBELL_DATA_DIR;

function mode(file: string): string {
  return (statSync(file).mode & 0o777).toString(8);
}

/** Everything Hookbell keeps in the data folder, with its mode: the folder, its files and folders, the database's. */
function modes(): Record<string, string> {
  const found: Record<string, string> = { ".": mode(dataDir()) };
  for (const name of readdirSync(dataDir())) found[name] = mode(path.join(dataDir(), name));
  return found;
}

/** What an older version left: everything readable by everyone. */
function loosenEverything(): void {
  chmodSync(dataDir(), 0o755);
  for (const entry of readdirSync(dataDir(), { withFileTypes: true })) {
    chmodSync(path.join(dataDir(), entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

function expectPrivate(found: Record<string, string>) {
  expect(found["."]).toBe("700");
  expect(found["encryption-keys"]).toBe("600");
  expect(found["auth-secret"]).toBe("600");
  expect(found.run).toBe("700");
  if (!isPostgresRun) {
    const database = path.basename(sqliteFilePath(getEnv().DATABASE_URL));
    for (const name of [database, `${database}-wal`, `${database}-shm`]) expect(found[name], name).toBe("600");
  }
  for (const [name, value] of Object.entries(found)) expect(value, name).toMatch(/^[67]00$/);
}

async function runWorkerUntilReady(): Promise<void> {
  const env = getEnv();
  const child = spawn(process.execPath, ["scripts/start.mjs", "worker"], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? env.HOOKBELL_DATA_DIR,
      HOOKBELL_DATA_DIR: env.HOOKBELL_DATA_DIR,
      DATABASE_URL: env.DATABASE_URL,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await until(() => output.includes("Worker ready") || child.exitCode !== null, "the worker to start", 120_000);
    expect(output).toContain("Worker ready");
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  }
}

describe("the data folder", () => {
  it("is 0700 with 0600 files after npm start, npm start again and npm run worker on a folder left readable", async () => {
    loosenEverything(); // the test's folder is made 0700 by mkdtemp; a folder made by hand is 0755
    const server = await startServer({ HOOKBELL_EMBEDDED_WORKER: "off" });
    expectPrivate(modes());
    await server.stop();

    loosenEverything();
    const again = await startServer({ HOOKBELL_EMBEDDED_WORKER: "off" });
    expectPrivate(modes());
    await again.stop();

    loosenEverything();
    await runWorkerUntilReady();
    const afterWorker = modes();
    expect(afterWorker["."]).toBe("700");
    expect(afterWorker["encryption-keys"]).toBe("600");
    if (!isPostgresRun) expect(afterWorker[path.basename(sqliteFilePath(getEnv().DATABASE_URL))]).toBe("600");
  }, 400_000);
});

describe("server actions", () => {
  it("refuse a post whose Origin and X-Forwarded-Host another site forged, and run a same-origin one", async () => {
    const server = await startServer({ HOOKBELL_EMBEDDED_WORKER: "off" });
    const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8"));
    const actionId = Object.entries(manifest.node as Record<string, { exportedName: string }>).find(
      ([, action]) => action.exportedName === "signUpAction",
    )?.[0];
    expect(actionId).toBeDefined();
    const signUp = (email: string, headers: Record<string, string>) =>
      fetch(`${server.url}/signup`, {
        method: "POST",
        headers: { "next-action": actionId as string, "content-type": "text/plain;charset=UTF-8", ...headers },
        body: JSON.stringify([{ email, password: "a long passphrase nobody guesses 42" }]),
      });
    const users = (email: string) => getDb().user.count({ where: { email } });

    const forged = await signUp("forged@example.com", {
      origin: "http://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
    });
    await forged.arrayBuffer();
    expect(forged.status).toBe(500);
    expect(await users("forged@example.com")).toBe(0);

    // The same request from the app's own origin runs: the refusal above is the Origin check's, nothing else.
    const genuine = await signUp("genuine@example.com", { origin: server.url });
    await genuine.arrayBuffer();
    expect(genuine.status).toBe(200);
    await until(async () => (await users("genuine@example.com")) === 1, "the account to exist", 10_000);
    expect(existsSync(dataDir())).toBe(true);
    await server.stop();
  }, 400_000);
});
