// Baseline (a) for the ingest bench: the least a webhook receiver that stores what it receives can do.
// node:http, the svix library's verify, and one better-sqlite3 insert per request, WAL with better-sqlite3's
// defaults: synchronous=NORMAL in WAL mode, so a commit does not wait for the disk (it syncs at checkpoints).
// Hookbell's ingest commits with synchronous=FULL, a wait for the disk per batch. Started by ingest-bench.ts
// with PORT, CLERK_WEBHOOK_SECRET, BENCH_DB_FILE and BENCH_SENDER: clerk (svix), stripe (the stripe
// package's constructEvent, the event id as key) or github (@octokit/webhooks-methods verify, the
// X-GitHub-Delivery header as key), so each sender's Hookbell rows compare with the same work done bare.
import type { IncomingHttpHeaders } from "node:http";
import { createServer } from "node:http";
import { verify as verifyGitHub } from "@octokit/webhooks-methods";
import Database from "better-sqlite3";
import Stripe from "stripe";
import { Webhook } from "svix";

const port = Number(process.env.PORT);
const db = new Database(process.env.BENCH_DB_FILE ?? ":memory:");
db.pragma("journal_mode = WAL");
db.exec(
  `CREATE TABLE IF NOT EXISTS event (svix_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, body TEXT NOT NULL)`,
);
const insert = db.prepare(`INSERT OR IGNORE INTO event (svix_id, received_at, body) VALUES (?, ?, ?)`);
const secret = process.env.CLERK_WEBHOOK_SECRET ?? "";
const webhook = new Webhook(secret);
const stripe = new Stripe("sk_test_bench");
const header = (headers: IncomingHttpHeaders, name: string) => String(headers[name] ?? "");

/** Verifies the request the sender's own library's way; returns its delivery id, or throws (or rejects). */
const VERIFY: Record<string, (body: string, headers: IncomingHttpHeaders) => string | Promise<string>> = {
  // Synchronous, as this baseline has always been for Clerk.
  clerk: (body, headers) => {
    webhook.verify(body, {
      "svix-id": header(headers, "svix-id"),
      "svix-timestamp": header(headers, "svix-timestamp"),
      "svix-signature": header(headers, "svix-signature"),
    });
    return header(headers, "svix-id");
  },
  stripe: (body, headers) => stripe.webhooks.constructEvent(body, header(headers, "stripe-signature"), secret).id,
  github: async (body, headers) => {
    if (!(await verifyGitHub(secret, body, header(headers, "x-hub-signature-256")))) throw new Error("no match");
    return header(headers, "x-github-delivery");
  },
};
const verifyRequest = VERIFY[process.env.BENCH_SENDER ?? "clerk"];
if (!verifyRequest) throw new Error(`BENCH_SENDER must be one of ${Object.keys(VERIFY).join(", ")}`);

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const refuse = () =>
      response.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid signature"}');
    const store = (id: string) => {
      insert.run(id, Date.now(), body);
      response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
    };
    let id: string | Promise<string>;
    try {
      id = verifyRequest(body, request.headers);
    } catch {
      refuse();
      return;
    }
    if (typeof id === "string") store(id);
    else id.then(store, refuse);
  });
});
server.listen(port, "127.0.0.1", () => console.log(`bare baseline ready on ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
