import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { openTestDb, seedTenant } from "../helpers/test-db";
import { deliveriesOf, ingest, webhookWithChannels } from "./harness";

// `npm run worker` as real processes on the test's SQLite file: one is killed with SIGKILL while Slack
// holds its request open; a second one takes the delivery over when the lease runs out.

let db: Db;
const slack = new SlackStandIn();
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await openTestDb();
  await slack.start();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await slack.stop();
});

function startWorker(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const env = getEnv();
  const childEnv: NodeJS.ProcessEnv = {
    NODE_ENV: "production",
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? env.HOOKBELL_DATA_DIR,
    HOOKBELL_DATA_DIR: env.HOOKBELL_DATA_DIR,
    DATABASE_URL: env.DATABASE_URL,
    APP_URL: env.APP_URL,
    HOOKBELL_SLACK_ORIGIN: slack.origin,
    HOOKBELL_WORKER_LEASE_SECONDS: "2",
  };
  // node itself, as `npm run worker` runs it (not npm, which would leave its child running): SIGKILL kills the worker.
  const child = spawn(process.execPath, ["scripts/start.mjs", "worker"], {
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("delivers exactly once more after a worker is killed mid-send, and a worker stops gracefully", async () => {
  const tenant = await seedTenant(db);
  const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true });
  // Slack holds the first request open long enough for the worker to be killed while sending.
  slack.answerNext({ status: 200, body: "ok", delayMs: 20_000 });
  expect((await ingest(db, webhookId)).status).toBe(200);

  const first = startWorker();
  await until(() => slack.posts.length === 1, "the first worker's request");
  first.child.kill("SIGKILL");
  await first.exited;
  let [row] = await deliveriesOf(db, webhookId);
  // Still claimed by the killed worker; on a loaded machine its 2 s lease may already have run out (a timer
  // late by more than the lease), and the row is then back in the queue: either way it is not sent.
  expect(["sending", "retrying"]).toContain(row.status);

  const second = startWorker();
  await until(async () => (await deliveriesOf(db, webhookId))[0].status === "sent", "the second worker's delivery");
  [row] = await deliveriesOf(db, webhookId);
  // The killed send counts as an attempt (lease expired); a lease that runs out once more before the second
  // worker's send starts is the same retry again, never a second post.
  expect(row.attempts.at(-1)?.outcome).toBe("sent");
  const before = row.attempts.slice(0, -1);
  expect(before.length).toBeGreaterThanOrEqual(1);
  for (const attempt of before) {
    expect(attempt.outcome).toBe("retry");
    expect(attempt.error).toContain("lease expired");
  }
  const path = new URL(slackUrl).pathname;
  expect(slack.posts.filter((post) => post.path === path)).toHaveLength(2);
  expect(second.output()).toContain("Worker ready");

  second.child.kill("SIGTERM");
  expect(await second.exited).toBe(0);
  expect(second.output()).toContain("SIGTERM received");
  // Nothing more was sent after the delivery completed.
  expect(slack.posts.filter((post) => post.path === path)).toHaveLength(2);
}, 90_000);
