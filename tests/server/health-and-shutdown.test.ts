import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { serveHealth } from "@/lib/server/health";
import { webhookWithChannels } from "../delivery/harness";
import { killServers, postIngest, startServer, until } from "../helpers/load";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { openTestDb, seedTenant } from "../helpers/test-db";

// What a load balancer and an orchestrator rely on: liveness and readiness endpoints, and a SIGTERM that
// lets the work in progress finish before the process exits.

let db: Db;
const slack = new SlackStandIn();

beforeAll(async () => {
  db = await openTestDb();
  await slack.start();
});

afterAll(async () => {
  await killServers();
  await slack.stop();
});

describe("npm start", () => {
  it("answers /healthz and /readyz, then on SIGTERM finishes the alert being sent before exiting", async () => {
    const tenant = await seedTenant(db);
    const { webhookId } = await webhookWithChannels(db, tenant, { slack: true });
    const server = await startServer({ HOOKBELL_SLACK_ORIGIN: slack.origin });

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("cache-control")).toBe("no-store");
    expect(await ready.json()).toEqual({ status: "ready", database: "ok" });
    expect((await fetch(`${server.url}/readyz`, { method: "POST" })).status).toBe(405);

    // Slack takes 2 s to answer this alert; SIGTERM arrives while the worker waits for it.
    slack.answerNext({ status: 200, body: "ok", delayMs: 2000 });
    const body = clerkEvent("user.created");
    const answer = await postIngest(server.url, webhookId, body, signedHeaders(body, { id: "msg_shutdown" }));
    expect(answer).toEqual({ status: 200, json: { received: true } });
    await until(() => slack.posts.length === 1, "the alert to reach Slack", 20_000);
    const stoppedAt = Date.now();
    await server.stop();

    expect(await server.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeGreaterThan(1500);
    expect(server.logs()).toContain("Shut down cleanly");
    const [delivery] = await db.delivery.findMany({ where: { webhookId }, include: { attempts: true } });
    expect(delivery.status).toBe("sent");
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0].outcome).toBe("sent");
    expect(delivery.attempts[0].durationMs).toBeGreaterThanOrEqual(1900);
    expect(slack.posts).toHaveLength(1);
  }, 240_000);
});

describe("readiness while draining", () => {
  let server: Server;
  let url: string;
  const state = { isDraining: false };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (!serveHealth(db, req, res, state)) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("turns /readyz to 503 once shutdown begins, while /healthz stays 200", async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    state.isDraining = true;
    const draining = await fetch(`${url}/readyz`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ status: "draining", database: "unchecked" });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(418);
  });
});
