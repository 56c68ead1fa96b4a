import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { ingestWebhookId, serveIngest } from "@/lib/ingest/serve-ingest";
import { webhookWithChannels } from "../delivery/harness";
import { until } from "../helpers/load";
import { lockWebhookRow } from "../helpers/postgres";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

// A burst larger than the database can take in time waits at the sender, not in Hookbell's memory: past
// HOOKBELL_INGEST_MAX_IN_FLIGHT requests in progress, the next ones are answered 503 with Retry-After at
// once and store nothing; the sender's retry is then accepted.

const LIMIT = 20;
let db: Db;
let tenant: Tenant;
let server: Server;
let baseUrl: string;
let inProgress = 0;

beforeAll(async () => {
  process.env.HOOKBELL_INGEST_MAX_IN_FLIGHT = String(LIMIT);
  resetEnvForTests();
  db = await openTestDb();
  tenant = await seedTenant(db);
  server = createServer((req, res) => {
    const webhookId = ingestWebhookId(req.url) ?? "";
    inProgress += 1;
    res.on("close", () => (inProgress -= 1));
    void serveIngest(db, req, res, webhookId, req.socket.remoteAddress);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.HOOKBELL_INGEST_MAX_IN_FLIGHT;
  resetEnvForTests();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Holds the database so that accepted events cannot commit until `release()`. */
async function holdDatabase(webhookId: string): Promise<() => Promise<void>> {
  if (isPostgresRun) return lockWebhookRow(getEnv().DATABASE_URL, webhookId);
  const connection = new Database(sqliteFilePath(getEnv().DATABASE_URL));
  connection.exec("BEGIN IMMEDIATE");
  return async () => {
    connection.exec("COMMIT");
    connection.close();
  };
}

async function post(webhookId: string, id: string) {
  const body = clerkEvent("user.created", { id: `user_${id}` });
  const response = await fetch(`${baseUrl}/api/ingest/${webhookId}`, {
    method: "POST",
    body,
    headers: signedHeaders(body, { id }),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), json: await response.json() };
}

it("answers 503 with Retry-After past the in-flight limit, storing nothing for them, and accepts their retry", async () => {
  const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
  const release = await holdDatabase(webhookId);
  let waiting: Promise<Awaited<ReturnType<typeof post>>>[] = [];
  let refused: Awaited<ReturnType<typeof post>>[] = [];
  try {
    waiting = Array.from({ length: LIMIT }, (_, index) => post(webhookId, `msg_load_${index}`));
    await until(() => inProgress === LIMIT, "the first requests to wait for the database", 4_000);
    // While those wait for their commit, five more arrive.
    refused = await Promise.all(Array.from({ length: 5 }, (_, index) => post(webhookId, `msg_over_${index}`)));
  } finally {
    await release();
  }
  for (const answer of refused) {
    expect(answer).toEqual({
      status: 503,
      retryAfter: "5",
      json: { error: { code: "overloaded", message: expect.any(String) } },
    });
  }
  for (const answer of await Promise.all(waiting)) expect(answer.status).toBe(200);
  const stored = await db.event.findMany({ where: { webhookId }, select: { svixId: true } });
  expect(stored.map((event) => event.svixId).sort()).toEqual(
    Array.from({ length: LIMIT }, (_, index) => `msg_load_${index}`).sort(),
  );

  // The sender retries the refused ones later: all stored, once.
  for (let index = 0; index < 5; index++) {
    expect((await post(webhookId, `msg_over_${index}`)).json).toEqual({ received: true });
  }
  expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(LIMIT + 5);
});
