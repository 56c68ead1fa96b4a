import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killServers, until } from "../helpers/load";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { type ApiHarness, startApiHarness } from "./api-harness";

// The notification log and its actions over HTTP: filters, cursor pagination, an event with its deliveries
// and attempts, retry, replay (one event and a window) and the test event.

const SLACK_URL = "https://hooks.slack.com/services/T0EVT0000/B0EVT0000/eventsSecretPart00000000";
const slack = new SlackStandIn();

// biome-ignore lint/suspicious/noExplicitAny: answers are checked against the OpenAPI schema; tests read fields freely
type Json = Record<string, any>;

let api: ApiHarness;
let key: string;
let webhookId = "";
let otherWebhookId = "";
const sentAt: number[] = [];

async function ingest(id: string, type: string, options: { secret?: string } = {}) {
  const body = clerkEvent(type);
  const response = await fetch(`${api.url}/api/ingest/${id}`, {
    method: "POST",
    headers: signedHeaders(body, { secret: options.secret }),
    body,
  });
  return response.status;
}

beforeAll(async () => {
  await slack.start();
  api = await startApiHarness({ HOOKBELL_SLACK_ORIGIN: slack.origin });
  ({ key } = await api.newProject());
  const create = async (name: string) =>
    (
      (await api.call("POST", "/webhooks", { key, body: { name, provider: "clerk", signing_secret: CLERK_SECRET } }))
        .json as Json
    ).id as string;
  webhookId = await create("Clerk production");
  otherWebhookId = await create("Clerk test");
  // Slack refuses the first alert for good, so there is a failed delivery to retry.
  slack.answerNext({ status: 404, body: "no_service" });
  await api.call("POST", `/webhooks/${webhookId}/channels`, {
    key,
    body: { kind: "slack", slack_url: SLACK_URL, event_types: ["user.created"] },
  });
  for (const type of ["user.created", "session.created", "user.created", "user.deleted", "session.created"]) {
    sentAt.push(Date.now());
    expect(await ingest(webhookId, type)).toBe(200);
  }
  expect(await ingest(webhookId, "user.created", { secret: OTHER_SECRET })).toBe(401); // rejected, logged
  expect(await ingest(otherWebhookId, "user.updated")).toBe(200);
});

afterAll(async () => {
  await killServers();
  await slack.stop();
});

async function allPages(query: string, limit: number): Promise<{ pages: Json[][]; cursors: (string | null)[] }> {
  const pages: Json[][] = [];
  const cursors: (string | null)[] = [];
  let cursor: string | null = null;
  do {
    const answer = await api.call("GET", `/events?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ""}`, { key });
    expect(answer.status).toBe(200);
    pages.push((answer.json as Json).data);
    cursor = (answer.json as Json).next_cursor;
    cursors.push(cursor);
  } while (cursor && pages.length < 20);
  return { pages, cursors };
}

describe("listing events", () => {
  it("pages through every event newest first with an opaque cursor that is null at the end", async () => {
    const { pages, cursors } = await allPages("", 3);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(cursors.at(-1)).toBeNull();
    expect(cursors[0]).not.toMatch(/^evt_/); // opaque, not the raw id
    const ids = pages.flat().map((event) => event.id);
    expect(new Set(ids).size).toBe(7);
    expect([...ids].sort().reverse()).toEqual(ids);
    expect((await api.call("GET", "/events?limit=100", { key })).json).toMatchObject({ next_cursor: null });
  });

  it("filters by webhook, type, outcome and time range", async () => {
    const byWebhook = await api.call("GET", `/events?webhook_id=${otherWebhookId}`, { key });
    expect((byWebhook.json as Json).data.map((event: Json) => event.event_type)).toEqual(["user.updated"]);

    const byType = await api.call("GET", `/events?type=session.created&webhook_id=${webhookId}`, { key });
    expect((byType.json as Json).data).toHaveLength(2);

    const rejected = await api.call("GET", "/events?outcome=rejected", { key });
    const [refusal] = (rejected.json as Json).data;
    expect((rejected.json as Json).data).toHaveLength(1);
    expect(refusal).toMatchObject({ outcome: "rejected", http_status: 401, reason_code: "invalid_signature" });

    const paged = await allPages(`&type=user.created&outcome=accepted`, 1);
    expect(paged.pages.flat()).toHaveLength(2);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await api.call("GET", `/events?from=${future}`, { key })).json).toMatchObject({ data: [] });
    const past = new Date(sentAt[0] - 60_000).toISOString();
    expect(((await api.call("GET", `/events?to=${past}`, { key })).json as Json).data).toHaveLength(0);
    const window = await api.call(
      "GET",
      `/events?from=${encodeURIComponent(new Date(sentAt[0] - 1000).toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`,
      { key },
    );
    expect((window.json as Json).data).toHaveLength(7);
  });

  it("refuses bad filters with 422 naming them", async () => {
    const bad = await api.call("GET", "/events?limit=500&outcome=maybe&from=yesterday&cursor=bm9wZQ&colour=red", {
      key,
    });
    expect(bad.status).toBe(422);
    const paths = (bad.json as Json).error.fields.map((field: Json) => field.path);
    expect(paths).toEqual(expect.arrayContaining(["limit", "outcome", "from", "cursor", ""]));
    expect((bad.json as Json).error.message).toContain("limit");
  });
});

describe("an event and its deliveries", () => {
  let failedEventId = "";
  let failedDeliveryId = "";

  it("shows the event with headers, body, deliveries and every attempt", async () => {
    const list = await api.call("GET", `/events?type=user.created&outcome=accepted&webhook_id=${webhookId}`, { key });
    const events = (list.json as Json).data as Json[];
    await until(
      async () => {
        const answers = await Promise.all(events.map((event) => api.call("GET", `/events/${event.id}`, { key })));
        return answers.every((answer) =>
          (answer.json as Json).deliveries.every((delivery: Json) => ["sent", "failed"].includes(delivery.status)),
        );
      },
      "both alerts to finish",
      30_000,
    );
    const details = await Promise.all(
      events.map(async (event) => (await api.call("GET", `/events/${event.id}`, { key })).json as Json),
    );
    const failed = details.find((detail) => detail.deliveries[0].status === "failed") as Json;
    expect(failed).toBeDefined();
    expect(failed.headers["svix-signature"]).toBe("v1,[redacted]");
    expect(JSON.parse(failed.body).type).toBe("user.created");
    expect(failed.deliveries[0]).toMatchObject({
      kind: "slack",
      trigger: "event",
      attempt_count: 1,
      attempts: [{ number: 1, outcome: "failed", status_code: 404 }],
    });
    expect(JSON.stringify(failed)).not.toContain("eventsSecretPart");
    failedEventId = failed.id;
    failedDeliveryId = failed.deliveries[0].id;
    // A filtered event type is logged with a filtered alert.
    const session = ((await api.call("GET", "/events?type=session.created", { key })).json as Json).data[0];
    expect(session.alerts).toEqual([{ kind: "slack", status: "filtered" }]);
    expect((await api.call("GET", "/events/evt_01AAAAAAAAAAAAAAAAAAAAAAAA", { key })).status).toBe(404);
  });

  it("retries a failed delivery, which then succeeds and keeps both attempts", async () => {
    const retried = await api.call("POST", `/deliveries/${failedDeliveryId}/retry`, { key });
    expect(retried.status).toBe(202);
    expect(retried.json).toEqual({ id: failedDeliveryId, status: "pending" });
    await until(
      async () =>
        ((await api.call("GET", `/events/${failedEventId}`, { key })).json as Json).deliveries[0].status === "sent",
      "the retried alert to be sent",
      30_000,
    );
    const detail = (await api.call("GET", `/events/${failedEventId}`, { key })).json as Json;
    expect(detail.deliveries[0].attempts.map((attempt: Json) => attempt.outcome)).toEqual(["failed", "sent"]);
    // A sent delivery cannot be retried; an unknown one is not found.
    expect((await api.call("POST", `/deliveries/${failedDeliveryId}/retry`, { key })).status).toBe(409);
    expect((await api.call("POST", "/deliveries/dlv_unknown/retry", { key })).status).toBe(404);
  });

  it("replays an event to the channels as configured now", async () => {
    const replayed = await api.call("POST", `/events/${failedEventId}/replay`, { key });
    expect(replayed.status).toBe(202);
    expect(replayed.json).toEqual({ events: 1, deliveries: 1 });
    const detail = (await api.call("GET", `/events/${failedEventId}`, { key })).json as Json;
    expect(detail.deliveries.map((delivery: Json) => delivery.trigger)).toEqual(["event", "replay"]);
    const rejected = ((await api.call("GET", "/events?outcome=rejected", { key })).json as Json).data[0];
    expect((await api.call("POST", `/events/${rejected.id}/replay`, { key })).status).toBe(409);
  });

  it("replays a webhook's time window, refusing a window that ends before it starts", async () => {
    const from = new Date(sentAt[0] - 1000).toISOString();
    const to = new Date().toISOString();
    const replayed = await api.call("POST", `/webhooks/${webhookId}/replay`, { key, body: { from, to } });
    expect(replayed.status).toBe(202);
    // Five accepted events; the filter lets the two user.created ones alert.
    expect(replayed.json).toEqual({ events: 5, deliveries: 2 });
    const backwards = await api.call("POST", `/webhooks/${webhookId}/replay`, { key, body: { from: to, to: from } });
    expect(backwards.status).toBe(422);
    expect((backwards.json as Json).error.fields[0].path).toBe("to");
    const noChannel = await api.call("POST", `/webhooks/${otherWebhookId}/replay`, { key, body: { from, to } });
    expect(noChannel.status).toBe(409);
  });

  it("sends a signed test event through the public URL, which lands in the log", async () => {
    const sent = await api.call("POST", `/webhooks/${webhookId}/test-events`, {
      key,
      body: { event_type: "user.deleted" },
    });
    expect(sent.status).toBe(200);
    const result = sent.json as Json;
    expect(result).toMatchObject({ accepted: true, ingest_status: 200 });
    const logged = ((await api.call("GET", `/events?type=user.deleted&webhook_id=${webhookId}`, { key })).json as Json)
      .data;
    expect(logged.map((event: Json) => event.svix_id)).toContain(result.svix_id);
    // Without a body the type defaults to user.created.
    expect((await api.call("POST", `/webhooks/${webhookId}/test-events`, { key })).json).toMatchObject({
      accepted: true,
    });
    const invalid = await api.call("POST", `/webhooks/${webhookId}/test-events`, { key, body: { event_type: "" } });
    expect(invalid.status).toBe(422);
    await api.call("PATCH", `/webhooks/${otherWebhookId}`, { key, body: { is_active: false } });
    expect((await api.call("POST", `/webhooks/${otherWebhookId}/test-events`, { key })).status).toBe(409);
  });
});
