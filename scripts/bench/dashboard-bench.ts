import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// Dashboard pages under data: 100,000 events and 200,000 deliveries in one project, then the pages a
// user opens most, timed end to end over loopback against `npm start`'s server (server render time).

export type PageTiming = { page: string; p50: number; p95: number; max: number; budgetMs: number; ok: boolean };

const BUDGET_MS = 300;
const RUNS = 20;
const PASSWORD = "correct horse battery staple";

export async function runDashboardBench(options: { events: number; deliveries: number; log: (line: string) => void }) {
  const { log } = options;
  const dataDir = mkdtempSync(path.join(tmpdir(), "hookbell-bench-"));
  process.env.HOOKBELL_DATA_DIR = dataDir;
  process.env.DATABASE_URL = `file:${path.join(dataDir, "hookbell.db")}`;
  const { migrateDatabase } = await import("../../lib/db/migrate");
  const { getDb } = await import("../../lib/db/client");
  const { signUp } = await import("../../lib/auth/sign-up");
  const { seedDashboard } = await import("./seed-dashboard");
  let server: ChildProcess | undefined;
  try {
    await migrateDatabase(process.env.DATABASE_URL);
    const db = getDb();
    const tenant = await signUp(db, { email: "bench@example.com", password: PASSWORD });
    const seedStart = performance.now();
    const { webhookIds, sampleEventId } = await seedDashboard(db, tenant.projectId, options);
    const counts = { events: await db.event.count(), deliveries: await db.delivery.count() };
    log(
      `Seeded ${counts.events} events and ${counts.deliveries} deliveries in ${Math.round((performance.now() - seedStart) / 1000)} s.`,
    );
    await db.$disconnect();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await startServer(dataDir, port, url, log);
    const cookie = await signIn(url);
    const pages = [
      "/overview?range=today",
      "/overview?range=7d",
      "/overview?range=30d",
      "/logs",
      "/logs?outcome=rejected",
      "/logs?alerts=failed",
      `/logs?webhookId=${webhookIds[2]}`,
      `/logs/${sampleEventId}`,
      "/webhooks",
      `/webhooks/${webhookIds[0]}`,
    ];
    const timings: PageTiming[] = [];
    for (const page of pages) timings.push(await timePage(url, page, cookie));
    return { counts, timings };
  } finally {
    server?.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timePage(url: string, page: string, cookie: string): Promise<PageTiming> {
  const fetchPage = async () => {
    const started = performance.now();
    const response = await fetch(`${url}${page}`, { headers: { cookie }, redirect: "manual" });
    await response.text();
    if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await fetchPage(); // warm-up: first renders compile and fill caches
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await fetchPage());
  samples.sort((a, b) => a - b);
  const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]);
  const p95 = at(0.95);
  return {
    page,
    p50: at(0.5),
    p95,
    max: Math.round(samples[samples.length - 1]),
    budgetMs: BUDGET_MS,
    ok: p95 <= BUDGET_MS,
  };
}

/** Signs in over HTTP as the dashboard's form does; answers the session cookie header. */
export async function signIn(url: string, email = "bench@example.com", password = PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair.split("=");
      jar.set(name, value.join("="));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error("bench sign-in failed");
  return header();
}

async function startServer(dataDir: string, port: number, url: string, log: (line: string) => void) {
  const child = spawn(process.execPath, ["scripts/start.mjs", "server"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOOKBELL_DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, "hookbell.db")}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      HOOKBELL_EMBEDDED_WORKER: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("Dashboard ready")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  log(`Server ready on ${url}.`);
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
