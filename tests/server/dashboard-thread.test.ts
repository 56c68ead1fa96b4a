import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApiHarness } from "../api/api-harness";
import { killServers, until } from "../helpers/load";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";

// `npm start` serves the dashboard and the REST API from Next.js on a thread of its own, and ingest and
// the delivery worker on the main thread. What one side changes must reach the other at once: a webhook
// switched off, re-keyed or deleted through the API refuses the very next request (ingest reuses webhook
// lookups for a second), and alerts enqueued by an API action wake the main thread's worker.

const SLACK_URL = "https://hooks.slack.com/services/T0THR0000/B0THR0000/threadSecretPart00000000";
const slack = new SlackStandIn();
let api: ApiHarness;
let key: string;

// biome-ignore lint/suspicious/noExplicitAny: answers are checked against the OpenAPI schema; tests read fields freely
type Json = Record<string, any>;

beforeAll(async () => {
  await slack.start();
  // A worker that would otherwise look for work only once a minute: an alert within seconds was woken.
  api = await startApiHarness({ HOOKBELL_SLACK_ORIGIN: slack.origin, HOOKBELL_WORKER_POLL_SECONDS: "60" });
  ({ key } = await api.newProject());
}, 240_000);

afterAll(async () => {
  await killServers();
  await slack.stop();
});

async function ingest(webhookId: string, id: string, secret = CLERK_SECRET) {
  const body = clerkEvent("user.created");
  const response = await fetch(`${api.url}/api/ingest/${webhookId}`, {
    method: "POST",
    headers: signedHeaders(body, { id, secret }),
    body,
  });
  return { status: response.status, json: (await response.json()) as Json };
}

async function createWebhook(): Promise<string> {
  const created = await api.call("POST", "/webhooks", {
    key,
    body: { name: "Threads", provider: "clerk", signing_secret: CLERK_SECRET },
  });
  expect(created.status).toBe(201);
  return (created.json as Json).id;
}

describe("the dashboard thread and the ingest thread", () => {
  it("serves the dashboard with the build's configuration, never loading Next's SWC compiler", async () => {
    const page = await fetch(`${api.url}/signin`);
    expect(page.status).toBe(200);
    // Next compiles next.config.ts with its SWC native module (about 25 MB) when it reads the file itself.
    const maps = readFileSync(`/proc/${api.server.child.pid}/maps`, "utf8");
    expect(maps).toContain(process.execPath); // the server's own memory map, read
    expect(maps).not.toContain("next-swc");
  });

  it("refuses the next request once the API deactivates the webhook, and accepts it once reactivated", async () => {
    const webhookId = await createWebhook();
    expect((await ingest(webhookId, "msg_thread_1")).status).toBe(200); // the lookup is now remembered

    expect((await api.call("PATCH", `/webhooks/${webhookId}`, { key, body: { is_active: false } })).status).toBe(200);
    const refused = await ingest(webhookId, "msg_thread_2");
    expect(refused).toMatchObject({ status: 409, json: { error: { code: "webhook_inactive" } } });

    expect((await api.call("PATCH", `/webhooks/${webhookId}`, { key, body: { is_active: true } })).status).toBe(200);
    expect((await ingest(webhookId, "msg_thread_3")).status).toBe(200);
  });

  it("verifies with a secret saved through the API from the next request on", async () => {
    const webhookId = await createWebhook();
    expect((await ingest(webhookId, "msg_rekey_1")).status).toBe(200);
    expect(
      (await api.call("PATCH", `/webhooks/${webhookId}`, { key, body: { signing_secret: OTHER_SECRET } })).status,
    ).toBe(200);
    const answer = await ingest(webhookId, "msg_rekey_2", OTHER_SECRET);
    expect(answer).toEqual({ status: 200, json: { received: true } });
    const events = (await api.call("GET", `/events?webhook_id=${webhookId}`, { key })).json as Json;
    expect(events.data).toHaveLength(2);
  });

  it("answers 404 for a webhook deleted through the API a moment before", async () => {
    const webhookId = await createWebhook();
    expect((await ingest(webhookId, "msg_deleted_1")).status).toBe(200);
    expect((await api.call("DELETE", `/webhooks/${webhookId}`, { key })).status).toBe(204);
    expect(await ingest(webhookId, "msg_deleted_2")).toMatchObject({
      status: 404,
      json: { error: { code: "webhook_not_found" } },
    });
  });

  it("answers every request after ones the dashboard refused before reading their bodies", async () => {
    // 413 comes from the declared size, with 600 KiB still unread on the client's and the proxy's connection.
    for (let attempt = 0; attempt < 3; attempt++) {
      const huge = await api.call("POST", "/webhooks", {
        key,
        rawBody: JSON.stringify({ name: "x".repeat(600 * 1024) }),
        headers: { "content-type": "application/json" },
      });
      expect(huge.status).toBe(413);
    }
    const answers = await Promise.all(Array.from({ length: 20 }, () => api.call("GET", "/webhooks", { key })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
  });

  it("sends an alert replayed through the API within seconds, though the worker polls once a minute", async () => {
    const webhookId = await createWebhook();
    const channel = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "slack", slack_url: SLACK_URL },
    });
    expect(channel.status).toBe(201);
    // Ingest commits on the main thread, next to the worker: woken there.
    expect((await ingest(webhookId, "msg_wake_1")).status).toBe(200);
    await until(() => slack.posts.length === 1, "the ingested alert to reach Slack", 10_000);

    const events = (await api.call("GET", `/events?webhook_id=${webhookId}`, { key })).json as Json;
    const replayed = await api.call("POST", `/events/${events.data[0].id}/replay`, { key });
    expect(replayed).toMatchObject({ status: 202, json: { events: 1, deliveries: 1 } });
    // The replay commits on the dashboard's thread; only its wake-up reaches the worker before its poll.
    await until(() => slack.posts.length === 2, "the replayed alert to reach Slack", 10_000);
  });
});
