import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lemonSqueezy } from "@/lib/senders/lemon-squeezy/lemon-squeezy";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Lemon Squeezy has no SDK that signs or verifies webhooks. Requests are signed here with node:crypto as its
// guide does (https://docs.lemonsqueezy.com/help/webhooks/signing-requests: the HMAC-SHA256 hex digest of
// the raw body, keyed by the signing secret, in X-Signature), with the X-Event-Name header it sends.

const newSecret = () => randomBytes(16).toString("base64url");

function sign(body: string, secret: string) {
  return { "x-signature": createHmac("sha256", secret).update(body).digest("hex") };
}

function request(type = "order_created") {
  const payload = lemonSqueezy.sample(type, new Date());
  (payload.meta as Record<string, unknown>).custom_data = { user_id: randomBytes(6).toString("hex") };
  return { body: JSON.stringify(payload), headers: { "x-event-name": type } };
}

describe("the Lemon Squeezy sender", () => {
  let harness: SenderHarness;
  let secret: string;
  let webhookId: string;

  beforeAll(async () => {
    harness = await startSenderHarness();
    secret = newSecret();
    webhookId = await harness.connect("lemon-squeezy", secret);
  });
  afterAll(() => harness.close());

  it("accepts a signed request and logs its event name and resource type, keyed by the body's hash", async () => {
    const { body, headers } = request("subscription_payment_failed");
    expectAccepted(await harness.post(webhookId, body, { ...headers, ...sign(body, secret) }));
    const [logged] = await harness.events(webhookId);
    expect(logged).toMatchObject({
      outcome: "accepted",
      eventType: "subscription_payment_failed",
      eventObject: "subscription-invoices",
      secretSlot: "current",
    });
    // No delivery id from Lemon Squeezy: the key is the body's SHA-256.
    expect(logged.svixId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("takes the same body again (a retry) as a duplicate, and a different body as a new event", async () => {
    const { body, headers } = request("order_refunded");
    const signed = { ...headers, ...sign(body, secret) };
    expectAccepted(await harness.post(webhookId, body, signed));
    expect(await harness.post(webhookId, body, signed)).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    });
    const other = request("order_refunded");
    expectAccepted(await harness.post(webhookId, other.body, { ...other.headers, ...sign(other.body, secret) }));
    const refunds = (await harness.events(webhookId)).filter(
      (row) => row.eventType === "order_refunded" && row.outcome === "accepted",
    );
    expect(refunds).toHaveLength(2);
    expect(refunds.map((row) => row.duplicateCount)).toEqual([1, 0]);
  });

  it("refuses a tampered body and a wrong secret as invalid_signature", async () => {
    const { body, headers } = request();
    const signed = { ...headers, ...sign(body, secret) };
    expectRefused(await harness.post(webhookId, body.replace("1199", "1"), signed), 401, "invalid_signature");
    expectRefused(
      await harness.post(webhookId, body, { ...headers, ...sign(body, newSecret()) }),
      401,
      "invalid_signature",
    );
  });

  it("names the missing X-Signature header", async () => {
    const { body, headers } = request();
    const message = expectRefused(await harness.post(webhookId, body, headers), 400, "missing_headers");
    expect(message).toContain("x-signature");
  });

  it("names Lemon Squeezy when its request reaches a webhook connected to Stripe", async () => {
    const stripeWebhook = await harness.connect("stripe", `whsec_${randomBytes(16).toString("hex")}`);
    const { body, headers } = request();
    const answer = await harness.post(stripeWebhook, body, { ...headers, ...sign(body, secret) });
    const message = expectRefused(answer, 400, "wrong_sender");
    expect(message).toContain("a Lemon Squeezy request, but this webhook is connected to Stripe");
  });

  it("accepts a known-answer vector computed outside Node (openssl dgst -sha256 -hmac)", async () => {
    const vectorWebhook = await harness.connect("lemon-squeezy", "signing-secret-42");
    const body = '{"meta":{"event_name":"order_created"},"data":{"type":"orders","id":"1"}}';
    const signature = "1d492d4d816b70db39a563edb011dfe9550e57db88ad65e5c013be207a4ac18d";
    expectAccepted(
      await harness.post(vectorWebhook, body, { "x-signature": signature, "x-event-name": "order_created" }),
    );
    // Hex is compared without regard to case; the same body again is a duplicate, another body is refused.
    const again = await harness.post(vectorWebhook, body, { "x-signature": signature.toUpperCase() });
    expect(again).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const other = body.replace('"1"', '"2"');
    expectRefused(await harness.post(vectorWebhook, other, { "x-signature": signature }), 401, "invalid_signature");
  });

  it("signs test events as the guide's digest, with the X-Event-Name header", () => {
    const body = JSON.stringify(lemonSqueezy.sample("subscription_created", new Date()));
    const verification = lemonSqueezy.verification(undefined);
    const headers = schemeFor(verification).sign(body, secret, verification, { id: "unused", now: new Date() });
    expect(headers).toEqual(sign(body, secret));
    expect(lemonSqueezy.sampleHeaders?.("subscription_created", "unused")).toEqual({
      "x-event-name": "subscription_created",
    });
  });
});
