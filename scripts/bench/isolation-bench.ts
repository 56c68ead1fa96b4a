import path from "node:path";
import { Webhook } from "svix";
import { signIn } from "./dashboard-bench";
import { BENCH_ENCRYPTION_KEYS } from "./hookbell-target";
import { freePort, spawnServer, tempFolder } from "./processes";
import { BENCH_SECRET } from "./request-pool";

// Tenant isolation: tenant A's signed Clerk ingest (p99) and one of its dashboard pages, measured alone and
// while tenant B renders heavy templates two ways at once: (a) the template preview API at B's API rate
// limit, `{{json .}}` repeated up to the template size limit over B's latest ~240 KB event (and, in turn,
// a loop-free template that HTML-escapes a 50,000-character value of it 300 times); (b) B's own
// events alerting through an email template that repeats `{{json @root}}` inside an `{{#each}}` over the
// event. The goal: A's figures under B's load within 1.5x of alone.

export type IsolationFigures = {
  ingestP99: number;
  ingestP50: number;
  pageP50: number;
  pageP95: number;
  /** Requests that failed or took longer than TIMEOUT_MS (counted at TIMEOUT_MS). */
  timedOut: number;
};
export type IsolationResult = {
  alone: IsolationFigures;
  loaded: IsolationFigures;
  b: { previews: number; previewStatuses: Record<string, number>; events: number; deliveries: string };
};

const PASSWORD = "correct horse battery staple";
const GOAL = 1.5;
/** A request slower than this counts as this long (and as timed out): the phase must end. */
const TIMEOUT_MS = 30_000;

/**
 * About 240 KB of JSON: a Clerk-like envelope whose data holds many entries (each one a loop iteration) and
 * one 50,000-character value full of characters HTML escaping rewrites.
 */
function bigEvent(type: string): string {
  const items = Array.from({ length: 1300 }, (_, i) => ({ id: `item_${i}`, note: "x".repeat(120) }));
  const markup = "<&".repeat(25_000);
  return JSON.stringify({ object: "event", type, timestamp: Date.now(), data: { id: "user_b", items, markup } });
}

export async function runIsolationBench(options: { measureS: number; log: (line: string) => void }) {
  const { log } = options;
  const dataDir = tempFolder("isolation");
  const databaseUrl = `file:${path.join(dataDir, "hookbell.db")}`;
  process.env.HOOKBELL_ENCRYPTION_KEYS = BENCH_ENCRYPTION_KEYS;
  process.env.HOOKBELL_DATA_DIR ??= dataDir;
  const setup = await seed(databaseUrl);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await spawnServer({
    script: "scripts/start.mjs",
    args: ["server"],
    port,
    readyText: "Dashboard ready",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOOKBELL_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      HOOKBELL_ENCRYPTION_KEYS: BENCH_ENCRYPTION_KEYS,
      HOOKBELL_EMBEDDED_WORKER: "on",
      // B's alerts keep coming for the whole phase (a real quota would stop them sooner, which helps A).
      HOOKBELL_EMAIL_MONTHLY_LIMIT: "1000000000",
      HOOKBELL_INGEST_RATE_PER_IP: "1000000000",
      HOOKBELL_INGEST_RATE_PER_WEBHOOK: "1000000000",
      SMTP_URL: "",
    },
  });
  try {
    const cookie = await signIn(url, setup.a.email, PASSWORD);
    // B's latest event, which the preview renders with source "latest".
    await sendSigned(url, setup.b.webhookId, bigEvent("user.updated"));
    await measure(url, setup, cookie, 2); // warm-up: first renders compile and fill caches
    log(`Tenant A alone (${options.measureS} s)…`);
    const alone = await measure(url, setup, cookie, options.measureS);
    log(`Alone: ${JSON.stringify(alone)}`);
    log("Tenant A while tenant B renders heavy templates…");
    const load = startTenantBLoad(url, setup);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const loaded = await measure(url, setup, cookie, options.measureS);
    log(`While B renders: ${JSON.stringify(loaded)}`);
    const b = await load.stop();
    return { alone, loaded, b: { ...b, deliveries: await deliveryOutcomes(databaseUrl, setup.b.webhookId) } };
  } catch (error) {
    // What the server said about it: a failed bench run names its cause.
    log(`Server output before the failure:\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await server.stop();
  }
}

/** A's ingest at 20 requests a second and its webhooks page fetched back to back, over the same seconds. */
async function measure(url: string, setup: Seeded, cookie: string, seconds: number): Promise<IsolationFigures> {
  const until = performance.now() + seconds * 1000;
  const ingest: number[] = [];
  const pages: number[] = [];
  let timedOut = 0;
  const timed = (work: (signal: AbortSignal) => Promise<void>) =>
    timeIt(() => work(AbortSignal.timeout(TIMEOUT_MS))).catch(() => {
      timedOut += 1;
      return TIMEOUT_MS;
    });
  const ingestLoop = (async () => {
    const pending: Promise<void>[] = [];
    for (let next = performance.now(); next < until; next += 50) {
      await sleepUntil(next);
      pending.push(
        timed((signal) => sendSigned(url, setup.a.webhookId, smallEvent(), signal)).then((ms) => void ingest.push(ms)),
      );
    }
    await Promise.all(pending);
  })();
  while (performance.now() < until) {
    pages.push(await timed((signal) => fetchPage(url, "/webhooks", cookie, signal)));
  }
  await ingestLoop;
  return {
    ingestP50: quantile(ingest, 0.5),
    ingestP99: quantile(ingest, 0.99),
    pageP50: quantile(pages, 0.5),
    pageP95: quantile(pages, 0.95),
    timedOut,
  };
}

function startTenantBLoad(url: string, setup: Seeded) {
  let isStopped = false;
  let previews = 0;
  let sentPreviews = 0;
  let events = 0;
  const statuses: Record<string, number> = {};
  // Two heavy previews in turn: {{json .}} repeated to the size limit, and a template with no loop that
  // HTML-escapes the 50,000-character value 300 times (only a deadline can stop that one).
  const previewBodies = ["{{json .}}".repeat(1638), "{{event.data.markup}}".repeat(300)].map((html) =>
    JSON.stringify({
      webhook_id: setup.b.webhookId,
      kind: "email",
      event_type: "user.updated",
      source: "latest",
      template: { subject: "Heavy", html, text: "" },
    }),
  );
  // (a) the preview API at B's rate limit (10 a second by default), never more than 10 in flight.
  const inFlight = new Set<Promise<void>>();
  const previewLoop = (async () => {
    for (let next = performance.now(); !isStopped; next += 100) {
      await sleepUntil(next);
      if (inFlight.size >= 10) await Promise.race(inFlight);
      const call = fetch(`${url}/api/v1/templates/preview`, {
        method: "POST",
        headers: { authorization: `Bearer ${setup.b.apiKey}`, "content-type": "application/json" },
        body: previewBodies[sentPreviews++ % 2],
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        })
        .catch(() => {
          statuses.error = (statuses.error ?? 0) + 1;
        })
        .finally(() => {
          previews += 1;
          inFlight.delete(call);
        });
      inFlight.add(call);
    }
  })();
  // (b) B's own events, two a second, each alerting through the heavy email template.
  const eventLoop = (async () => {
    for (let next = performance.now(); !isStopped; next += 500) {
      await sleepUntil(next);
      await sendSigned(url, setup.b.webhookId, bigEvent("user.created"), AbortSignal.timeout(TIMEOUT_MS)).catch(
        () => undefined,
      );
      events += 1;
    }
  })();
  return {
    async stop() {
      isStopped = true;
      await Promise.all([previewLoop, eventLoop, ...inFlight]);
      return { previews, previewStatuses: statuses, events };
    },
  };
}

type Seeded = { a: { email: string; webhookId: string }; b: { webhookId: string; apiKey: string } };

async function seed(databaseUrl: string): Promise<Seeded> {
  const { migrateDatabase } = await import("../../lib/db/migrate");
  const { createDb } = await import("../../lib/db/client");
  const { signUp } = await import("../../lib/auth/sign-up");
  const { createWebhook } = await import("../../lib/webhooks/create-webhook");
  const { saveSigningSecret } = await import("../../lib/webhooks/save-signing-secret");
  const { createChannel } = await import("../../lib/channels/create-channel");
  const { createApiKey } = await import("../../lib/api-keys/create-api-key");
  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const a = await signUp(db, { email: "tenant-a@example.com", password: PASSWORD });
    const b = await signUp(db, { email: "tenant-b@example.com", password: PASSWORD });
    const aHook = await createWebhook(db, a, "A production");
    await saveSigningSecret(db, a, aHook.id, { provider: "clerk", secret: BENCH_SECRET });
    const bHook = await createWebhook(db, b, "B production");
    await saveSigningSecret(db, b, bHook.id, { provider: "clerk", secret: BENCH_SECRET });
    const heavy = `{{#each event.data.items}}${"{{json @root}}".repeat(1000)}{{/each}}`;
    await createChannel(db, b, bHook.id, {
      kind: "email",
      recipients: "ops@example.com",
      templates: [
        {
          eventType: "*",
          presetId: "generic",
          template: { title: "Heavy {{eventType}}", body: heavy, text: "", facts: "" },
        },
      ],
    });
    const { key } = await createApiKey(db, b, { name: "bench", expiresInDays: null });
    return { a: { email: "tenant-a@example.com", webhookId: aHook.id }, b: { webhookId: bHook.id, apiKey: key } };
  } finally {
    await db.$disconnect();
  }
}

async function deliveryOutcomes(databaseUrl: string, webhookId: string): Promise<string> {
  const { createDb } = await import("../../lib/db/client");
  const db = createDb(databaseUrl);
  try {
    const rows = await db.delivery.groupBy({ by: ["status"], where: { event: { webhookId } }, _count: true });
    return rows.map((row) => `${row.status} ${row._count}`).join(", ") || "none";
  } finally {
    await db.$disconnect();
  }
}

const signer = new Webhook(BENCH_SECRET);
let sent = 0;

async function sendSigned(url: string, webhookId: string, body: string, signal?: AbortSignal): Promise<void> {
  const id = `msg_iso${Date.now()}${++sent}`;
  const now = new Date();
  const response = await fetch(`${url}/api/ingest/${webhookId}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "svix-id": id,
      "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
      "svix-signature": signer.sign(id, now, body),
    },
    body,
    signal,
  });
  await response.arrayBuffer();
  if (response.status >= 300) throw new Error(`ingest answered ${response.status}`);
}

function smallEvent(): string {
  return JSON.stringify({ object: "event", type: "session.created", timestamp: Date.now(), data: { id: "sess_a" } });
}

async function fetchPage(url: string, page: string, cookie: string, signal: AbortSignal): Promise<void> {
  const response = await fetch(`${url}${page}`, { headers: { cookie }, redirect: "manual", signal });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
}

async function timeIt(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

function sleepUntil(at: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
}

function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((x, y) => x - y);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 10) / 10;
}

export function formatIsolationReport(result: IsolationResult): { text: string; allMet: boolean } {
  const rows: [string, number, number][] = [
    ["A ingest p99 (ms)", result.alone.ingestP99, result.loaded.ingestP99],
    ["A ingest p50 (ms)", result.alone.ingestP50, result.loaded.ingestP50],
    ["A /webhooks p50 (ms)", result.alone.pageP50, result.loaded.pageP50],
    ["A /webhooks p95 (ms)", result.alone.pageP95, result.loaded.pageP95],
  ];
  const graded = [rows[0], rows[3]];
  const lines = ["figure                    alone  B rendering  ratio  goal"];
  for (const row of rows) {
    const ratio = row[1] > 0 ? row[2] / row[1] : 0;
    const goal = graded.includes(row) ? (ratio <= GOAL ? "met" : `MISSED (<= ${GOAL}x)`) : "";
    lines.push(
      `${row[0].padEnd(24)} ${String(row[1]).padStart(6)}  ${String(row[2]).padStart(11)}  ${ratio.toFixed(2).padStart(5)}  ${goal}`,
    );
  }
  const { b } = result;
  lines.push(
    `A's requests timed out (> ${TIMEOUT_MS / 1000} s): alone ${result.alone.timedOut}, B rendering ${result.loaded.timedOut}`,
  );
  lines.push(
    `B: ${b.previews} preview calls (${Object.entries(b.previewStatuses)
      .map(([status, n]) => `${status}: ${n}`)
      .join(", ")}), ${b.events} events; B's deliveries: ${b.deliveries}`,
  );
  const allMet = graded.every((row) => row[1] > 0 && row[2] / row[1] <= GOAL);
  return { text: lines.join("\n"), allMet };
}
