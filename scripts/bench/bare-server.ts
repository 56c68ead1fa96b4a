// Baseline (a) for the ingest bench: the least a webhook receiver that stores what it receives can do.
// node:http, the svix library's verify, and one better-sqlite3 insert per request, WAL with better-sqlite3's
// defaults: synchronous=NORMAL in WAL mode, so a commit does not wait for the disk (it syncs at checkpoints).
// Hookbell's ingest commits with synchronous=FULL, a wait for the disk per batch. Started by ingest-bench.ts
// with PORT, CLERK_WEBHOOK_SECRET and BENCH_DB_FILE.
import { createServer } from "node:http";
import Database from "better-sqlite3";
import { Webhook } from "svix";

const port = Number(process.env.PORT);
const db = new Database(process.env.BENCH_DB_FILE ?? ":memory:");
db.pragma("journal_mode = WAL");
db.exec(
  `CREATE TABLE IF NOT EXISTS event (svix_id TEXT PRIMARY KEY, received_at INTEGER NOT NULL, body TEXT NOT NULL)`,
);
const insert = db.prepare(`INSERT OR IGNORE INTO event (svix_id, received_at, body) VALUES (?, ?, ?)`);
const webhook = new Webhook(process.env.CLERK_WEBHOOK_SECRET ?? "");

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const id = String(request.headers["svix-id"] ?? "");
    try {
      webhook.verify(body, {
        "svix-id": id,
        "svix-timestamp": String(request.headers["svix-timestamp"] ?? ""),
        "svix-signature": String(request.headers["svix-signature"] ?? ""),
      });
    } catch {
      response.writeHead(401, { "content-type": "application/json" }).end('{"error":"invalid signature"}');
      return;
    }
    insert.run(id, Date.now(), body);
    response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
  });
});
server.listen(port, "127.0.0.1", () => console.log(`bare baseline ready on ${port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
