import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createChannel } from "@/lib/channels/create-channel";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { deliveriesOf, ingest } from "../delivery/harness";
import { CLERK_SECRET } from "../helpers/signing";
import { startTeamsStandIn, type TeamsStandIn } from "../helpers/teams-stand-in";
import { openTestDb, seedTenant } from "../helpers/test-db";

// `npm run worker` as real processes on the test's SQLite file: one is killed with SIGKILL while the
// Teams workflow holds its request open; a second one takes the alert over when the lease runs out.

const SIG = "a2lsbGVkV29ya2VyU2lnbmF0dXJlX3RlYW1z";
const URL_PATH = "/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke";
let db: Db;
let teams: TeamsStandIn;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await openTestDb();
  teams = await startTeamsStandIn({ sig: SIG });
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await teams.close();
});

function startWorker(): { child: ChildProcess; exited: Promise<number | null> } {
  const env = getEnv();
  const child = spawn(process.execPath, ["scripts/start.mjs", "worker"], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? env.HOOKBELL_DATA_DIR,
      HOOKBELL_DATA_DIR: env.HOOKBELL_DATA_DIR,
      DATABASE_URL: env.DATABASE_URL,
      APP_URL: env.APP_URL,
      HOOKBELL_TEAMS_ORIGIN: teams.origin,
      HOOKBELL_WORKER_LEASE_SECONDS: "2",
    },
    stdio: "ignore",
  });
  children.push(child);
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("posts the card once more after a worker is killed mid-send", async () => {
  const tenant = await seedTenant(db);
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  await createChannel(db, tenant, webhook.id, {
    kind: "teams",
    url: `https://prod-07.westus.logic.azure.com:443${URL_PATH}?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`,
  });
  // The workflow holds the first request open long enough for the worker to be killed while sending.
  teams.setNextReplies({ status: 202, delayMs: 20_000 });
  expect((await ingest(db, webhook.id)).status).toBe(200);

  const first = startWorker();
  await until(() => teams.received.length === 1, "the first worker's request");
  first.child.kill("SIGKILL");
  await first.exited;
  // Still claimed by the killed worker; on a loaded machine its 2 s lease may already have run out (a timer
  // late by more than the lease), and the row is then back in the queue: either way it is not sent.
  expect(["sending", "retrying"]).toContain((await deliveriesOf(db, webhook.id))[0].status);

  const second = startWorker();
  await until(async () => (await deliveriesOf(db, webhook.id))[0].status === "sent", "the second worker's delivery");
  const [row] = await deliveriesOf(db, webhook.id);
  // The killed send counts as an attempt (lease expired); on a loaded machine a lease may run out once
  // more before the second worker's send starts, which is the same retry again, never a second post.
  expect(row.attempts.at(-1)).toMatchObject({ outcome: "sent", statusCode: 202 });
  const before = row.attempts.slice(0, -1);
  expect(before.length).toBeGreaterThanOrEqual(1);
  for (const attempt of before) {
    expect(attempt.outcome).toBe("retry");
    expect(attempt.error).toContain("lease expired");
  }
  expect(teams.received.map((post) => post.path)).toEqual([URL_PATH, URL_PATH]);
  second.child.kill("SIGTERM");
  expect(await second.exited).toBe(0);
}, 120_000);
