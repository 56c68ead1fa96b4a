import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { type FrontServer, startFrontServer } from "../helpers/front-server";
import { mapPool, until } from "../helpers/load";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The HTTP front end (lib/server/create-front-server.ts) as `npm start` serves it, over real sockets: slow
// clients, the one spelling of a path, the headers the dashboard is given, and clients that go away.

let db: Db;
let tenant: Tenant;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
});

async function activeWebhook(): Promise<string> {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  return webhook.id;
}

/** Sets environment variables for one describe block, read afresh by the server it starts. */
function useEnv(values: Record<string, string>) {
  beforeAll(() => {
    Object.assign(process.env, values);
    resetEnvForTests();
  });
  afterAll(() => {
    for (const name of Object.keys(values)) delete process.env[name];
    resetEnvForTests();
  });
}

type Reply = { status: number; json: Record<string, unknown> };

/** A request sent from `localAddress` (another loopback address is another client), on a fresh connection. */
function send(
  front: FrontServer,
  target: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; localAddress?: string } = {},
): Promise<Reply> {
  const url = new URL(front.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: target,
        method: options.method ?? "POST",
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => {
          const isJson = res.headers["content-type"]?.startsWith("application/json");
          resolve({ status: res.statusCode ?? 0, json: isJson ? JSON.parse(text) : { text } });
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

function signedPost(front: FrontServer, target: string, localAddress?: string): Promise<Reply> {
  const body = clerkEvent();
  return send(front, target, { body, headers: signedHeaders(body), localAddress });
}

/** A raw connection that sends `head` and then whatever the test writes; `received` is all it got back. */
function rawClient(front: FrontServer, head: string) {
  const socket: Socket = connect({ host: "127.0.0.1", port: Number(new URL(front.url).port) });
  const client = { socket, received: "", isClosed: false };
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (client.received += chunk));
  socket.on("close", () => (client.isClosed = true));
  socket.on("error", () => {});
  socket.write(head);
  return client;
}

/** The request line and headers of a signed ingest POST declaring `length` body bytes. */
function ingestHead(webhookId: string, length: number): string {
  const headers = { ...signedHeaders("{}"), "content-length": String(length), host: "127.0.0.1" };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `POST /api/ingest/${webhookId} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`;
}

describe("slow clients", () => {
  useEnv({
    HOOKBELL_INGEST_MAX_IN_FLIGHT: "20",
    HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: "5",
    HOOKBELL_BODY_TIMEOUT_SECONDS: "60",
  });
  let front: FrontServer;
  beforeAll(async () => {
    front = await startFrontServer(db);
  });
  afterAll(() => front.close());

  it("serves another address in full while one address trickles 30 bodies a byte at a time", async () => {
    const webhookId = await activeWebhook();
    const trickles = Array.from({ length: 30 }, () => rawClient(front, ingestHead(webhookId, 1000)));
    const drip = setInterval(() => {
      for (const client of trickles) if (!client.isClosed) client.socket.write("{");
    }, 500);
    try {
      // Each trickling request is either holding one of its address's 5 slots or was turned away.
      await until(() => trickles.filter((client) => client.received !== "").length === 25, "25 refusals", 20_000);
      for (const client of trickles.filter((each) => each.received !== "")) {
        expect(client.received).toMatch(/^HTTP\/1\.1 429 /);
        expect(client.received).toContain('"code":"too_many_in_progress"');
        expect(client.received).toMatch(/retry-after: 5/i);
      }

      const answers = await mapPool(Array.from({ length: 20 }), 4, () =>
        signedPost(front, `/api/ingest/${webhookId}`, "127.0.0.2"),
      );
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
      expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(20);
    } finally {
      clearInterval(drip);
      for (const client of trickles) client.socket.destroy();
    }
    // The slots are given back when the trickling clients go away.
    await until(async () => (await signedPost(front, `/api/ingest/${webhookId}`)).status === 200, "a free slot");
    const again = await mapPool(Array.from({ length: 5 }), 5, () => signedPost(front, `/api/ingest/${webhookId}`));
    expect(again.map((answer) => answer.status)).toEqual(Array(5).fill(200));
  });
});

describe("timeouts", () => {
  useEnv({ HOOKBELL_HEADERS_TIMEOUT_SECONDS: "1", HOOKBELL_BODY_TIMEOUT_SECONDS: "1" });
  let front: FrontServer;
  beforeAll(async () => {
    front = await startFrontServer(db);
  });
  afterAll(() => front.close());

  it("answers 408 request_timeout in JSON when an ingest body stalls, and logs the attempt", async () => {
    const webhookId = await activeWebhook();
    const client = rawClient(front, `${ingestHead(webhookId, 200)}{"type":"u`);
    await until(() => client.isClosed, "the stalled request to be cut", 15_000);
    expect(client.received).toMatch(/^HTTP\/1\.1 408 /);
    const json = JSON.parse(client.received.slice(client.received.indexOf("\r\n\r\n") + 4));
    expect(json).toEqual({ error: { code: "request_timeout", message: expect.stringContaining("within 1 s") } });
    const [row] = await db.event.findMany({ where: { webhookId } });
    expect(row).toMatchObject({ outcome: "rejected", httpStatus: 408, reasonCode: "request_timeout", bodySize: 10 });
  });

  it("cuts a request whose headers stall with 408", async () => {
    const client = rawClient(front, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    await until(() => client.isClosed, "the stalled headers to be cut", 15_000);
    expect(client.received).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe("one spelling of each path", () => {
  let front: FrontServer;
  beforeAll(async () => {
    front = await startFrontServer(db);
  });
  afterAll(() => front.close());

  for (const spelling of [
    "/api/./ingest/{id}",
    "/api/ingest/x/../{id}",
    "//api/ingest/{id}",
    "/api//ingest/{id}",
    "/api/%2e/ingest/{id}",
    "/api/ingest/x/%2E%2E/{id}",
    "/api/%69ngest/{id}",
    "/api\\ingest\\{id}",
    "/../api/ingest/{id}",
  ]) {
    it(`serves ${spelling} as the ingest URL, behind its limits`, async () => {
      const webhookId = await activeWebhook();
      const answer = await signedPost(front, spelling.replace("{id}", webhookId));
      expect(answer).toEqual({ status: 200, json: { received: true } });
      expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(1);
    });
  }

  it("answers 400 for a request target that is not a path", async () => {
    const answer = await send(front, "*", { method: "OPTIONS" });
    expect(answer.status).toBe(400);
  });
});

/** A stand-in for the dashboard thread: a real HTTP server on a Unix socket, recording what it is sent. */
async function standInDashboard(handle: (req: IncomingMessage, res: import("node:http").ServerResponse) => void) {
  const folder = mkdtempSync(path.join(tmpdir(), "hookbell-dash-"));
  const socketPath = path.join(folder, "dashboard.sock");
  const seen: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, () => resolve()));
  return {
    socketPath,
    seen,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

describe("what the dashboard is given", () => {
  let dashboard: Awaited<ReturnType<typeof standInDashboard>>;
  let front: FrontServer;
  const logged: string[] = [];
  beforeAll(async () => {
    dashboard = await standInDashboard((req, res) => {
      if (req.url === "/slow") return; // never answers
      if (req.url === "/broken") return void req.socket.destroy();
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
    front = await startFrontServer(db, { dashboardSocket: dashboard.socketPath, log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await front.close();
    await dashboard.stop();
  });

  it("is the path the front end routed on, never another spelling of it", async () => {
    const before = dashboard.seen.length;
    const answer = await send(front, "/webhooks/x/..//%2e/settings?tab=keys", { method: "GET" });
    expect(answer.status).toBe(200);
    expect(dashboard.seen[before].url).toBe("/webhooks/settings?tab=keys");
  });

  it("carries forwarding headers from APP_URL and the client address, not the client's own", async () => {
    const before = dashboard.seen.length;
    await send(front, "/overview", {
      method: "GET",
      headers: {
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        "x-forwarded-port": "8443",
        "x-forwarded-for": "6.6.6.6",
        forwarded: "for=6.6.6.6;host=evil.example;proto=https",
        "x-real-ip": "6.6.6.6",
      },
    });
    const { headers } = dashboard.seen[before];
    // APP_URL is http://hookbell.test in the tests (tests/helpers/setup-env.ts).
    expect(headers["x-forwarded-host"]).toBe("hookbell.test");
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers["x-forwarded-port"]).toBe("80");
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers.forwarded).toBeUndefined();
    expect(headers["x-real-ip"]).toBeUndefined();
  });

  it("logs nothing when the browser goes away before the dashboard answers", async () => {
    const before = dashboard.seen.length;
    const url = new URL(front.url);
    const req = httpRequest({ host: url.hostname, port: url.port, path: "/slow", agent: false });
    req.on("error", () => {});
    req.end();
    await until(() => dashboard.seen.length > before, "the dashboard to receive the request");
    const received = dashboard.seen[before];
    req.destroy();
    // The dashboard's side of the request is ended too (its work is not needed any more)…
    await until(() => received.socket.destroyed, "the dashboard's connection to be closed");
    await new Promise((resolve) => setTimeout(resolve, 200));
    // …and a browser closing a tab is not a failure of the dashboard's.
    expect(logged).toEqual([]);
  });

  it("answers 502 and logs it when the dashboard itself fails", async () => {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const url = new URL(front.url);
      httpRequest({ host: url.hostname, port: url.port, path: "/broken", agent: false }, (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      })
        .on("error", reject)
        .end();
    });
    expect(answer).toEqual({ status: 502, text: "The dashboard is not available." });
    expect(logged).toEqual([expect.stringMatching(/^the dashboard did not answer: /)]);
  });
});
