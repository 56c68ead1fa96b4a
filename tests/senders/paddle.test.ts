import { createHmac, randomBytes } from "node:crypto";
import { Paddle } from "@paddle/paddle-node-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paddle as paddleSender } from "@/lib/senders/paddle/paddle";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Paddle's SDK verifies but does not sign, so requests are signed here with node:crypto exactly as Paddle's
// guide describes (https://developer.paddle.com/webhooks/signature-verification: HMAC-SHA256, hex, of
// "{ts}:{raw body}", sent as "ts=…;h1=…"), and the SDK's own webhooks.unmarshal is shown to accept them.

const paddleClient = new Paddle("pdl_sdbx_apikey_01hv8x2acma2gz9ybjrj0hh0de_test");
const newSecret = () =>
  `pdl_ntfset_01hv8gq3318ktkfengj2r75gfx_${randomBytes(24).toString("base64url").replace(/-/g, "A")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function sign(body: string, secret: string, ts = nowSeconds()) {
  const h1 = createHmac("sha256", secret).update(`${ts}:${body}`).digest("hex");
  return { "paddle-signature": `ts=${ts};h1=${h1}` };
}

function notification(type = "transaction.completed") {
  const body = paddleSender.sample(type, new Date());
  body.notification_id = `ntf_01${randomBytes(12).toString("hex")}`;
  return { id: body.notification_id as string, body: JSON.stringify(body) };
}

describe("the Paddle sender", () => {
  let harness: SenderHarness;
  let secret: string;
  let webhookId: string;

  beforeAll(async () => {
    harness = await startSenderHarness();
    secret = newSecret();
    webhookId = await harness.connect("paddle", secret);
  });
  afterAll(() => harness.close());

  it("accepts a request Paddle's SDK verifies, and logs its type, entity and notification id", async () => {
    const { id, body } = notification("subscription.past_due");
    const headers = sign(body, secret);
    const event = await paddleClient.webhooks.unmarshal(body, secret, headers["paddle-signature"]);
    expect(event.eventType).toBe("subscription.past_due");
    expectAccepted(await harness.post(webhookId, body, headers));
    const [logged] = (await harness.events(webhookId)).filter((row) => row.svixId === id);
    expect(logged).toMatchObject({
      outcome: "accepted",
      eventType: "subscription.past_due",
      eventObject: "subscription",
      secretSlot: "current",
    });
  });

  it("takes a retry of the same notification, signed again later, as a duplicate", async () => {
    const { id, body } = notification();
    expectAccepted(await harness.post(webhookId, body, sign(body, secret, nowSeconds() - 30)));
    const retry = await harness.post(webhookId, body, sign(body, secret));
    expect(retry).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const accepted = (await harness.events(webhookId)).filter((row) => row.svixId === id && row.outcome === "accepted");
    expect(accepted).toHaveLength(1);
    expect(accepted[0].duplicateCount).toBe(1);
  });

  it("refuses a tampered body and a wrong secret as invalid_signature", async () => {
    const { body } = notification();
    const headers = sign(body, secret);
    expectRefused(await harness.post(webhookId, body.replace('"36000"', '"1"'), headers), 401, "invalid_signature");
    expectRefused(await harness.post(webhookId, body, sign(body, newSecret())), 401, "invalid_signature");
  });

  it("names the missing Paddle-Signature header", async () => {
    const { body } = notification();
    const message = expectRefused(await harness.post(webhookId, body, {}), 400, "missing_headers");
    expect(message).toContain("paddle-signature");
  });

  it("refuses a signature older than 300 s, and accepts one a minute old that Paddle's SDK (5 s) would refuse", async () => {
    const { body } = notification();
    const stale = await harness.post(webhookId, body, sign(body, secret, nowSeconds() - 301 - 5));
    expect(expectRefused(stale, 401, "timestamp_too_old")).toContain("±300 s");
    const minuteOld = sign(body, secret, nowSeconds() - 60);
    await expect(paddleClient.webhooks.unmarshal(body, secret, minuteOld["paddle-signature"])).rejects.toThrow(
      /signature verification failed/,
    );
    expectAccepted(await harness.post(webhookId, body, minuteOld));
  });

  it("accepts any of several h1 signatures while Paddle rotates a secret", async () => {
    const { body } = notification();
    const ts = nowSeconds();
    const theirs = sign(body, newSecret(), ts)["paddle-signature"];
    const ours = sign(body, secret, ts)["paddle-signature"].split(";")[1];
    expectAccepted(await harness.post(webhookId, body, { "paddle-signature": `${theirs};${ours}` }));
  });

  it("signs test events the way Paddle's SDK verifies them", async () => {
    const body = JSON.stringify(paddleSender.sample("transaction.payment_failed", new Date()));
    const verification = paddleSender.verification(undefined);
    const headers = schemeFor(verification).sign(body, secret, verification, { id: "unused", now: new Date() });
    expect(headers["paddle-signature"]).toMatch(/^ts=\d+;h1=[0-9a-f]{64}$/);
    const event = await paddleClient.webhooks.unmarshal(body, secret, headers["paddle-signature"]);
    expect(event).toMatchObject({ eventType: "transaction.payment_failed", data: { status: "ready" } });
    await expect(paddleClient.webhooks.unmarshal(body, newSecret(), headers["paddle-signature"])).rejects.toThrow();
  });

  it("asks for the destination's secret key, naming a pasted API key by its kind only", () => {
    const apiKey = "pdl_live_apikey_01gtgztp8fz5ts9wh0rg7evbqg_K7ds3zXqxUq7hXm8bVd7T5_AAt";
    expect(paddleSender.secret.check(apiKey)).toMatch(/Paddle API key/);
    expect(paddleSender.secret.check(apiKey)).not.toContain("01gtgz");
    expect(paddleSender.secret.check("whsec_abc")).toMatch(/starts with pdl_ntfset_/);
    expect(paddleSender.secret.check("pdl_ntfset_01gkpjp8bkm3tm53kdgkx6sms7_6h3qd3uFSi9YCD3OLYAShQI90XTI5vEI")).toBe(
      undefined,
    );
  });
});
