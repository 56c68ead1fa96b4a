import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ingest, webhookWithChannels } from "../delivery/harness";
import { mapPool, until } from "../helpers/load";
import { clerkEvent } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Three `npm run worker` processes on one PostgreSQL database drain 2,000 queued alerts (1,000 email,
// 1,000 Slack over 100 Slack URLs, so pacing at one message a second per URL takes about ten seconds).
// One worker is SIGKILLed mid-way while Slack holds its requests open. Each worker talks to its own
// SMTP server and Slack stand-in, so every message received is attributed to the worker that sent it.

const WEBHOOKS = 100;
const EVENTS_PER_WEBHOOK = 10;
const DELIVERIES = WEBHOOKS * EVENTS_PER_WEBHOOK * 2;
const LEASE_SECONDS = 3;
const KILL_AFTER_SENT = 600;
const DOOMED_SLACK_DELAY_MS = 5000;

type Worker = {
  child: ChildProcess;
  smtp: SmtpSink;
  slack: SlackStandIn;
  output: () => string;
  exited: Promise<number | string | null>;
};

let db: Db;
const workers: Worker[] = [];

beforeAll(async () => {
  db = await openTestDb();
});

afterAll(async () => {
  for (const worker of workers) {
    if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill("SIGKILL");
    await worker.exited;
    await worker.slack.stop();
    await worker.smtp.stop();
  }
});

async function startWorker(): Promise<Worker> {
  const env = getEnv();
  const smtp = await new SmtpSink().start();
  const slack = await new SlackStandIn().start();
  // node itself, as `npm run worker` runs it (not npm, which would leave its child running): SIGKILL kills the worker.
  const child = spawn(process.execPath, ["scripts/start.mjs", "worker"], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? env.HOOKBELL_DATA_DIR,
      HOOKBELL_DATA_DIR: env.HOOKBELL_DATA_DIR,
      DATABASE_URL: env.DATABASE_URL,
      APP_URL: env.APP_URL,
      SMTP_URL: smtp.url,
      HOOKBELL_SLACK_ORIGIN: slack.origin,
      HOOKBELL_WORKER_LEASE_SECONDS: String(LEASE_SECONDS),
      HOOKBELL_EMAIL_MONTHLY_LIMIT: "100000",
      HOOKBELL_SLACK_MONTHLY_LIMIT: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | string | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal)),
  );
  const worker = { child, smtp, slack, output: () => output, exited };
  workers.push(worker);
  return worker;
}

const MARKER = /user_many_\d+_\d+/;

/** Receipts per delivery ("email user_many_3_7"), counted at one worker's SMTP server and Slack stand-in. */
function receiptsAt(worker: Worker): Map<string, number> {
  const keys = [
    ...worker.smtp.received.map((mail) => `email ${mail.parsed.text?.match(MARKER)?.[0]}`),
    ...worker.slack.posts.map((post) => `slack ${JSON.stringify(post.body).match(MARKER)?.[0]}`),
  ];
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

it("sends each of 2,000 alerts once across three workers, one of them killed mid-send, and takes over its leases", async () => {
  const tenant = await seedTenant(db);
  const webhookIds = await mapPool(Array.from({ length: WEBHOOKS }), 4, async (_, w) => {
    const { webhookId } = await webhookWithChannels(db, tenant, {
      email: [`team${w}@example.com`],
      slack: true,
      slackTemplate: "Alert {{event.data.id}}",
    });
    return webhookId;
  });
  const events = webhookIds.flatMap((webhookId, w) =>
    Array.from({ length: EVENTS_PER_WEBHOOK }, (_, e) => ({ webhookId, marker: `user_many_${w}_${e}` })),
  );
  const answers = await mapPool(events, 8, ({ webhookId, marker }) =>
    ingest(db, webhookId, clerkEvent("user.created", { id: marker }), { id: `msg_${marker}` }),
  );
  expect(answers.every((answer) => answer.status === 200)).toBe(true);
  const markerOf = new Map(
    (await db.event.findMany({ where: { projectId: tenant.projectId }, select: { id: true, dedupeKey: true } })).map(
      (event) => [event.id, event.dedupeKey?.replace(/^msg_/, "")],
    ),
  );
  expect(await db.delivery.count({ where: { projectId: tenant.projectId, status: "pending" } })).toBe(DELIVERIES);

  const doomed = await startWorker();
  // Slack holds the doomed worker's requests open, so it is killed with sends in flight.
  doomed.slack.answerNext(
    ...Array.from({ length: 2000 }, () => ({ status: 200, body: "ok", delayMs: DOOMED_SLACK_DELAY_MS })),
  );
  const live = [await startWorker(), await startWorker()];
  const sent = () => db.delivery.count({ where: { projectId: tenant.projectId, status: "sent" } });

  await until(
    async () =>
      (await sent()) >= KILL_AFTER_SENT &&
      doomed.slack.posts.some((post) => post.at > Date.now() - DOOMED_SLACK_DELAY_MS + 1000),
    "the doomed worker to be mid-send after a third of the alerts",
  );
  doomed.child.kill("SIGKILL");
  expect(await doomed.exited).toBe("SIGKILL");
  expect(await sent()).toBeLessThan(DELIVERIES);

  await until(async () => (await sent()) === DELIVERIES, "every alert to be sent", 90_000);

  const rows = await db.delivery.findMany({
    where: { projectId: tenant.projectId },
    include: { attempts: { orderBy: { number: "asc" } } },
  });
  expect(rows).toHaveLength(DELIVERIES);
  const taken = new Set<string>();
  for (const row of rows) {
    const key = `${row.kind} ${markerOf.get(row.eventId)}`;
    // One successful attempt each, numbered from 1 with no gap, counted on the row.
    expect(row.attempts.filter((attempt) => attempt.outcome === "sent")).toHaveLength(1);
    expect(row.attempts.map((attempt) => attempt.number)).toEqual(row.attempts.map((_, i) => i + 1));
    expect(row.attemptCount).toBe(row.attempts.length);
    if (row.attempts.some((attempt) => attempt.outcome === "retry" && attempt.error?.includes("lease expired"))) {
      taken.add(key);
    }
  }
  // The killed worker's claims were taken over once its lease ran out.
  expect(taken.size).toBeGreaterThan(0);

  // At the receivers: every alert arrived exactly once from the live workers or the killed one, never from
  // two workers, except that an alert the killed worker had already handed to Slack or SMTP when it died
  // (without recording it) is sent once more by the worker that took its lease over.
  const [doomedReceipts, ...liveReceipts] = [doomed, ...live].map(receiptsAt);
  for (const row of rows) {
    const key = `${row.kind} ${markerOf.get(row.eventId)}`;
    const fromLive = liveReceipts.map((receipts) => receipts.get(key) ?? 0);
    const fromDoomed = doomedReceipts.get(key) ?? 0;
    expect(Math.max(...fromLive, fromDoomed)).toBeLessThanOrEqual(1);
    const total = fromLive[0] + fromLive[1] + fromDoomed;
    expect(total, `${key}: live ${fromLive}, killed ${fromDoomed}`).toBe(taken.has(key) && fromDoomed === 1 ? 2 : 1);
  }
  const totalReceived = [...doomedReceipts.values(), ...liveReceipts.flatMap((receipts) => [...receipts.values()])];
  expect(totalReceived.reduce((sum, count) => sum + count, 0)).toBe(
    DELIVERIES + [...taken].filter((key) => doomedReceipts.has(key)).length,
  );
  // Both live workers did their share.
  for (const receipts of liveReceipts) expect(receipts.size).toBeGreaterThan(100);

  for (const worker of live) worker.child.kill("SIGTERM");
  expect(await Promise.all(live.map((worker) => worker.exited))).toEqual([0, 0]);
}, 180_000);
