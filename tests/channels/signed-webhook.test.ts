import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { webhookKind } from "@/lib/channels/kinds/webhook";
import { listChannels } from "@/lib/channels/list-channels";
import { rotateForwardSecret } from "@/lib/channels/rotate-forward-secret";
import { updateChannel } from "@/lib/channels/update-channel";
import type { Db } from "@/lib/db/client";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { resetEnvForTests } from "@/lib/env";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { Clock, deliveriesOf, ingest, testWorker } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";
import { startWebhookReceiver, verifyWithLibrary, type WebhookReceiver } from "../helpers/webhook-receiver";

// Signed webhooks end to end: a Clerk event through the real ingest core, the worker on a clock the test
// moves, and a real local endpoint that verifies every request with the standardwebhooks library, never
// with Hookbell's own signing code.

let db: Db;
let tenant: Tenant;
let clock = new Clock();
let receiver: WebhookReceiver;

beforeAll(async () => {
  // The receiver is on 127.0.0.1: saving such a URL needs the operator's setting, as on a private network.
  process.env.HOOKBELL_FORWARD_ALLOW_PRIVATE = "on";
  resetEnvForTests();
  db = await openTestDb();
  tenant = await seedTenant(db);
  receiver = await startWebhookReceiver({ now: () => clock.now() });
});

afterEach(async () => {
  // The worker claims whatever is due: every test starts with no deliveries and no held destinations.
  await db.delivery.deleteMany({});
  await db.sendPacing.deleteMany({});
  receiver.received.length = 0;
});

afterAll(async () => {
  await receiver.close();
  delete process.env.HOOKBELL_FORWARD_ALLOW_PRIVATE;
  resetEnvForTests();
});

/** A webhook with one signed webhook channel; its secret is what Hookbell shows once after creating it. */
async function forwarding(options: { url?: string; body?: string } = {}) {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  const channelId = await createChannel(db, tenant, webhook.id, {
    kind: "webhook",
    name: "automations",
    url: options.url ?? receiver.url(),
    templates: options.body
      ? [{ eventType: "*", presetId: null, template: { title: "", body: options.body, text: "", facts: "" } }]
      : [],
  });
  const row = await db.channel.findUniqueOrThrow({ where: { id: channelId } });
  const secret = webhookKind.revealOnCreate?.(row, channelId)?.value ?? "";
  receiver.setSecret(secret);
  return { webhook, channelId, secret };
}

function worker(options: { forwardAllowPrivate?: boolean } = {}) {
  return testWorker(db, clock, { slackOrigin: "http://127.0.0.1:9", forwardAllowPrivate: true, ...options });
}

async function dueNow(webhookId: string) {
  const [row] = await deliveriesOf(db, webhookId);
  if (row.nextAttemptAt && row.nextAttemptAt > clock.current) clock.current = row.nextAttemptAt;
}

describe("what arrives", () => {
  it("forwards the verified Clerk event in Hookbell's envelope, signed so the standardwebhooks library verifies it", async () => {
    clock = new Clock();
    const { webhook } = await forwarding();
    // Mentions and markup in user data are data here: they arrive byte for byte, never interpreted.
    const payload = clerkEvent("user.created", { first_name: "@everyone <b>Ada</b>", last_name: "*Love* `lace`" });
    expect((await ingest(db, webhook.id, payload, { now: clock.current })).status).toBe(200);
    expect(await worker().drain()).toBe(1);

    const [event] = await db.event.findMany({ where: { webhookId: webhook.id } });
    const [row] = await deliveriesOf(db, webhook.id);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.verifyError).toBeNull();
    expect(request.verified).toEqual({
      type: "user.created",
      timestamp: event.receivedAt.toISOString(),
      data: JSON.parse(payload),
      hookbell: {
        event_id: event.id,
        webhook: { id: webhook.id, name: webhook.name },
        environment: webhook.environment,
        received_at: event.receivedAt.toISOString(),
        event_url: `http://hookbell.test/logs/${event.id}`,
      },
    });
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/hooks/clerk");
    expect(request.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Hookbell-Webhooks/1",
      "webhook-id": `msg_${row.id}`,
      "webhook-timestamp": String(Math.floor(clock.current.getTime() / 1000)),
    });
    expect(row.status).toBe("sent");
    expect(row.attempts[0]).toMatchObject({ outcome: "sent", statusCode: 200, response: '{"ok":true}' });
  });

  it("renders a custom JSON body with values escaped, so quotes and backslashes in a name keep it valid", async () => {
    clock = new Clock();
    const body =
      '{"text": "New signup: {{event.data.first_name}}", "id": "{{event.data.id}}", "meta": {{json event.data.public_metadata}} }';
    const { webhook } = await forwarding({ body });
    const name = 'Ada "The Countess" \\ Lovelace\n</script>';
    await ingest(db, webhook.id, clerkEvent("user.created", { first_name: name, public_metadata: { plan: "pro" } }), {
      now: clock.current,
    });
    await worker().drain();
    expect(receiver.received[0].verifyError).toBeNull();
    expect(receiver.received[0].verified).toEqual({
      text: `New signup: ${name}`,
      id: "user_29w83sxmDNGwOuEthce5gg56FcC",
      meta: { plan: "pro" },
    });
  });

  it("retries a 500 with the same webhook-id and a new timestamp, and the retry verifies again", async () => {
    clock = new Clock();
    const { webhook } = await forwarding();
    receiver.answerNext({ status: 500, body: "upstream exploded" });
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    let [row] = await deliveriesOf(db, webhook.id);
    expect(row.status).toBe("retrying");
    expect(row.attempts[0]).toMatchObject({ outcome: "retry", statusCode: 500 });
    expect(row.attempts[0].error).toBe("The endpoint answered 500: upstream exploded");

    await dueNow(webhook.id);
    await worker().drain();
    [row] = await deliveriesOf(db, webhook.id);
    expect(row.status).toBe("sent");
    const [first, second] = receiver.received;
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(Number(second.headers["webhook-timestamp"])).toBeGreaterThan(Number(first.headers["webhook-timestamp"]));
    expect([first.verifyError, second.verifyError]).toEqual([null, null]);
    expect(second.body).toBe(first.body);
  });

  it("sends once more, with the same webhook-id, when the worker sending it is lost mid-send", async () => {
    clock = new Clock();
    const { webhook } = await forwarding();
    // Worker A's request hangs; its lease runs out and worker B sends; A's late answer is fenced off.
    receiver.answerNext({ status: 200, body: "late", delayMs: 400 });
    await ingest(db, webhook.id, undefined, { now: clock.current });
    const slow = worker().drain();
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    clock.advance(61_000);
    expect(await worker().drain()).toBe(1);
    await slow;
    const [row] = await deliveriesOf(db, webhook.id);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    expect(row.attempts[0].error).toContain("lease expired");
    expect(receiver.received).toHaveLength(2);
    expect(new Set(receiver.received.map((request) => request.headers["webhook-id"]))).toEqual(
      new Set([`msg_${row.id}`]),
    );
    expect(receiver.received.every((request) => request.verifyError === null)).toBe(true);
  });

  it("re-sends a delivery whose worker died before recording anything, exactly once more", async () => {
    clock = new Clock();
    const { webhook } = await forwarding();
    await ingest(db, webhook.id, undefined, { now: clock.current });
    expect(await claimDeliveries(db, 10, clock.current, 60_000)).toHaveLength(1);
    expect(await worker().drain()).toBe(0);
    clock.advance(60_001);
    expect(await worker().drain()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(db, webhook.id))[0].status).toBe("sent");
  });
});

describe("rotating the signing secret", () => {
  it("signs with the old and the new secret for 24 hours, then with the new one only", async () => {
    clock = new Clock();
    const { webhook, channelId, secret: oldSecret } = await forwarding();
    const { secret: newSecret, previousSignsUntil } = await rotateForwardSecret(
      db,
      tenant,
      webhook.id,
      channelId,
      clock.current,
    );
    expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newSecret).not.toBe(oldSecret);
    expect(previousSignsUntil).toEqual(new Date(clock.current.getTime() + 24 * 3_600_000));
    receiver.setSecret(newSecret);

    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    const during = receiver.received[0];
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    // A receiver holding only the old secret, and one holding only the new one, both verify.
    expect(verifyWithLibrary(oldSecret, during.body, during.headers, clock.now)).toMatchObject({
      type: "user.created",
    });
    expect(verifyWithLibrary(newSecret, during.body, during.headers, clock.now)).toMatchObject({
      type: "user.created",
    });

    clock.advance(24 * 3_600_000 + 1000);
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    const after = receiver.received[1];
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verifyWithLibrary(newSecret, after.body, after.headers, clock.now)).toMatchObject({ type: "user.created" });
    expect(() => verifyWithLibrary(oldSecret, after.body, after.headers, clock.now)).toThrow(
      "No matching signature found",
    );

    const audit = await db.auditEntry.findFirst({
      where: { projectId: tenant.projectId, action: "channel.secret_rotated" },
    });
    expect(audit?.summary).toContain(`whsec_…${newSecret.slice(-4)}`);
    expect(audit?.summary).not.toContain(newSecret);
    expect(audit?.summary).not.toContain(oldSecret);
  });

  it("keeps the signing secret when the URL changes, and refuses to rotate another project's channel", async () => {
    clock = new Clock();
    const { webhook, channelId, secret } = await forwarding();
    await updateChannel(db, tenant, webhook.id, channelId, { url: receiver.url("/hooks/moved") });
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    expect(receiver.received[0]).toMatchObject({ path: "/hooks/moved", verifyError: null });
    expect(verifyWithLibrary(secret, receiver.received[0].body, receiver.received[0].headers, clock.now)).toBeTruthy();

    const other = await seedTenant(db);
    await expect(rotateForwardSecret(db, other, webhook.id, channelId)).rejects.toThrow(/not found/i);
  });
});

describe("the endpoint's answers", () => {
  it("turns the channel off on 410 Gone and fails without retry, saying why", async () => {
    clock = new Clock();
    const { webhook, channelId } = await forwarding();
    receiver.answerNext({ status: 410, body: "endpoint removed" });
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    const [row] = await deliveriesOf(db, webhook.id);
    expect(row.status).toBe("failed");
    expect(row.attempts).toHaveLength(1);
    expect(row.attempts[0].error).toBe(
      "The endpoint answered 410: endpoint removed (the endpoint answered 410 Gone; the channel was turned off).",
    );
    const channel = await db.channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(channel.isEnabled).toBe(false);
    const audit = await db.auditEntry.findFirst({
      where: { projectId: tenant.projectId, action: "channel.turned_off" },
    });
    expect(audit).toMatchObject({
      actorId: null,
      targetId: webhook.id,
      summary: "Signed webhook channel “automations”: the endpoint answered 410 Gone; the channel was turned off.",
    });
    clock.advance(48 * 3_600_000);
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    expect(receiver.received).toHaveLength(1);
  });

  it("waits exactly as long as a 429's Retry-After says, and so do other deliveries to the same endpoint", async () => {
    clock = new Clock();
    const start = clock.current.getTime();
    const { webhook } = await forwarding();
    receiver.answerNext({ status: 429, body: "slow down", headers: { "retry-after": "30" } });
    await ingest(db, webhook.id, clerkEvent("user.created"), { now: clock.current });
    await ingest(db, webhook.id, clerkEvent("user.updated"), { now: clock.current });
    await worker().drain();
    expect(receiver.received).toHaveLength(1);
    const limited = (await deliveriesOf(db, webhook.id)).find((row) => row.attempts.length === 1);
    expect(limited?.attempts[0]).toMatchObject({
      outcome: "retry",
      statusCode: 429,
      error: "The endpoint answered 429: slow down",
    });
    expect(limited?.nextAttemptAt).toEqual(new Date(start + 30_000));

    clock.current = new Date(start + 29_999);
    await worker().drain();
    expect(receiver.received).toHaveLength(1);
    clock.current = new Date(start + 30_000);
    for (let step = 0; step < 5 && receiver.received.length < 3; step++) {
      await worker().drain();
      clock.advance(50);
    }
    expect(receiver.received).toHaveLength(3);
    expect((await deliveriesOf(db, webhook.id)).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("fails a redirect without following it: the redirect's target receives nothing", async () => {
    clock = new Clock();
    const target = await startWebhookReceiver();
    try {
      const { webhook } = await forwarding();
      receiver.answerNext({ status: 302, headers: { location: target.url() } });
      await ingest(db, webhook.id, undefined, { now: clock.current });
      await worker().drain();
      const [row] = await deliveriesOf(db, webhook.id);
      expect(row.status).toBe("failed");
      expect(row.attempts).toHaveLength(1);
      expect(row.attempts[0].error).toBe(
        "The endpoint redirected (302); Hookbell does not follow redirects: save the final URL.",
      );
      expect(target.received).toHaveLength(0);
    } finally {
      await target.close();
    }
  });

  it("retries any other 4xx (a receiver mid-deploy), with the status and the endpoint's words", async () => {
    clock = new Clock();
    const { webhook } = await forwarding();
    receiver.answerNext({ status: 404, body: '{"error":"no route"}' });
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    const [row] = await deliveriesOf(db, webhook.id);
    expect(row.status).toBe("retrying");
    expect(row.attempts[0].error).toBe(
      'The endpoint answered 404: {"error":"no route"}. Check the endpoint and the channel\'s URL.',
    );
    clock.advance(60 * 60 * 1000);
    await worker().drain();
    const [after] = await deliveriesOf(db, webhook.id);
    expect(after.status).toBe("sent");
  });
});

describe("addresses", () => {
  it("refuses at connect time an endpoint that resolves to a private address, unless the operator allows it", async () => {
    clock = new Clock();
    const port = new URL(receiver.origin).port;
    const { webhook } = await forwarding({ url: `https://localhost:${port}/hooks/clerk` });
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker({ forwardAllowPrivate: false }).drain();
    const [row] = await deliveriesOf(db, webhook.id);
    expect(row.status).toBe("failed");
    expect(row.attempts[0].error).toMatch(
      /^Not sent: Refused to connect to localhost: it resolves to (127\.0\.0\.1|::1), a loopback address; signed webhooks reach public addresses only/,
    );
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses private, local and plain-http URLs when they are saved, unless the operator allows private ones", async () => {
    process.env.HOOKBELL_FORWARD_ALLOW_PRIVATE = "off";
    resetEnvForTests();
    try {
      const webhook = await createWebhook(db, tenant);
      const create = (url: string) => createChannel(db, tenant, webhook.id, { kind: "webhook", url });
      await expect(create("https://10.0.0.7/hook")).rejects.toThrow("10.0.0.7 is a private or local address");
      await expect(create("https://localhost/hook")).rejects.toThrow("localhost is a private or local address");
      await expect(create("http://n8n.example.com/hook")).rejects.toThrow("The URL must use https.");
      await expect(create("https://user:pass@n8n.example.com/hook")).rejects.toThrow(
        "must not carry a user or password",
      );
      await expect(create(`https://n8n.example.com/${"a".repeat(2000)}`)).rejects.toThrow("the limit is 2000");
      expect(await create("https://n8n.example.com/webhook/clerk")).toMatch(/^ch_/);
    } finally {
      process.env.HOOKBELL_FORWARD_ALLOW_PRIVATE = "on";
      resetEnvForTests();
    }
  });
});

describe("secrets", () => {
  it("never shows the signing secret or the URL in the channel view, the deliveries, the attempts or the audit log", async () => {
    clock = new Clock();
    const url = receiver.url("/hooks/tok_9f8e7d6c5b4a39281706");
    const { webhook, secret } = await forwarding({ url });
    receiver.answerNext({ status: 500, body: "try later" });
    await ingest(db, webhook.id, undefined, { now: clock.current });
    await worker().drain();
    await dueNow(webhook.id);
    await worker().drain();

    const [view] = await listChannels(db, tenant, webhook.id);
    expect(view.settings).toEqual({
      url: `${receiver.origin}/…1706`,
      signingSecret: `whsec_…${secret.slice(-4)}`,
    });
    const rows = await deliveriesOf(db, webhook.id);
    expect(rows[0].attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    const audit = await db.auditEntry.findMany({ where: { projectId: tenant.projectId } });
    const channel = await db.channel.findFirstOrThrow({ where: { webhookId: webhook.id } });
    for (const shown of [view, rows, audit, channel]) {
      const text = JSON.stringify(shown);
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice(6, 20));
      expect(text).not.toContain("tok_9f8e7d6c5b4a39281706");
    }
  });
});
