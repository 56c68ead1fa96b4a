import { connect } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { MAX_BODY_BYTES } from "@/lib/ingest/read-capped-body";
import { getEvent } from "@/lib/log/get-event";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { killServers, type RunningServer, startServer } from "../helpers/load";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Found by tests/soak/fuzz.test.ts. A body is refused from its declared Content-Length alone
// (lib/ingest/read-capped-body.ts), and the declared size is logged as the rejected row's bodySize. Node's
// HTTP parser passes any value up to 2^64-1, so one unauthenticated request to a webhook URL can declare
// a size no column holds. Sent here over a raw socket to the real server, exactly as a client could.

let db: Db;
let tenant: Tenant;
let server: RunningServer;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  server = await startServer({ HOOKBELL_EMBEDDED_WORKER: "off" });
});

afterAll(async () => {
  await killServers();
});

async function activeWebhook(): Promise<string> {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  return webhook.id;
}

/** A raw HTTP/1.1 request, so the Content-Length header is exactly the one written here. */
async function rawPost(webhookId: string, contentLength: string): Promise<{ status: number; body: string }> {
  const body = clerkEvent();
  const headers = { ...signedHeaders(body), host: "127.0.0.1", connection: "close", "content-length": contentLength };
  const head = [
    `POST /api/ingest/${webhookId} HTTP/1.1`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => {
      socket.write(`${head.join("\r\n")}\r\n\r\n`);
      // Only part of the declared body is ever sent; the answer must come from the header alone.
      socket.write(body);
    });
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      received += chunk;
      const [statusLine, ...rest] = received.split("\r\n");
      const payload = rest.join("\r\n").split("\r\n\r\n")[1] ?? "";
      if (/\}\s*(0\s*)?$/.test(payload)) {
        socket.destroy();
        resolve({ status: Number(statusLine.split(" ")[1]), body: payload });
      }
    });
    socket.on("error", reject);
    socket.setTimeout(15_000, () => reject(new Error(`no answer; got ${JSON.stringify(received)}`)));
  });
}

it("refuses a declared Content-Length of 1 GB with 413 from the header alone, and logs the refusal", async () => {
  const webhookId = await activeWebhook();
  const answer = await rawPost(webhookId, String(1024 ** 3));
  expect(answer.status).toBe(413);
  expect(answer.body).toContain("payload_too_large");
  const [row] = await db.event.findMany({ where: { webhookId } });
  expect(row).toMatchObject({ outcome: "rejected", httpStatus: 413, bodySize: 1024 ** 3 });
});

// Values past 2^31 do not fit PostgreSQL's INTEGER bodySize, past 2^53 Prisma cannot read them back, past
// 2^63 SQLite cannot store them: each used to answer 503 (and the 2^53 case left an unreadable log row).
for (const declared of ["2147483648", "1000000000000000000", "18446744073709551615"]) {
  it(`refuses a declared Content-Length of ${declared} with 413, not 503, and its log entry stays readable`, async () => {
    const webhookId = await activeWebhook();
    const answer = await rawPost(webhookId, declared);
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("payload_too_large");
    const rows = await db.event.findMany({ where: { webhookId }, select: { id: true } });
    expect(rows).toHaveLength(1);
    const event = await getEvent(db, tenant, rows[0].id);
    expect(event).toMatchObject({ outcome: "rejected", httpStatus: 413, reasonCode: "payload_too_large" });
    expect(event.bodySize).toBeGreaterThan(MAX_BODY_BYTES);
    expect(event.bodySize).toBeLessThanOrEqual(2 ** 31 - 1);
  });
}
