import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { stripe as stripeSender } from "@/lib/senders/stripe/stripe";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Stripe requests signed by the `stripe` package itself (webhooks.generateTestHeaderString), posted to the
// real front end and read back from the real log.

const stripeClient = new Stripe("sk_test_x");
const newSecret = () => `whsec_${randomBytes(24).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

function signed(body: string, secret: string, timestamp = nowSeconds()) {
  return { "stripe-signature": stripeClient.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) };
}

function event(type = "invoice.payment_failed") {
  const body = stripeSender.sample(type, new Date());
  body.id = `evt_1${randomBytes(12).toString("hex").slice(0, 23)}`;
  return { id: body.id as string, body: JSON.stringify(body) };
}

describe("the Stripe sender", () => {
  let harness: SenderHarness;
  let secret: string;
  let webhookId: string;

  beforeAll(async () => {
    harness = await startSenderHarness();
    secret = newSecret();
    webhookId = await harness.connect("stripe", secret);
  });
  afterAll(() => harness.close());

  it("accepts a request signed by the stripe package and logs its type, object and event id", async () => {
    const { id, body } = event();
    expectAccepted(await harness.post(webhookId, body, signed(body, secret)));
    const [logged] = (await harness.events(webhookId)).filter((row) => row.svixId === id);
    expect(logged).toMatchObject({
      outcome: "accepted",
      eventType: "invoice.payment_failed",
      eventObject: "invoice",
      svixId: id,
      secretSlot: "current",
    });
  });

  it("takes a retry of the same event (re-signed later, as Stripe does) as a duplicate", async () => {
    const { id, body } = event("checkout.session.completed");
    expectAccepted(await harness.post(webhookId, body, signed(body, secret, nowSeconds() - 60)));
    const retry = await harness.post(webhookId, body, signed(body, secret));
    expect(retry).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const rows = (await harness.events(webhookId)).filter((row) => row.svixId === id);
    expect(rows.filter((row) => row.outcome === "accepted")).toHaveLength(1);
    expect(rows.find((row) => row.outcome === "accepted")?.duplicateCount).toBe(1);
  });

  it("refuses a tampered body and a wrong secret as invalid_signature", async () => {
    const { body } = event();
    const headers = signed(body, secret);
    expectRefused(await harness.post(webhookId, body.replace("2900", "1"), headers), 401, "invalid_signature");
    expectRefused(await harness.post(webhookId, body, signed(body, newSecret())), 401, "invalid_signature");
  });

  it("names the missing Stripe-Signature header", async () => {
    const { body } = event();
    const message = expectRefused(await harness.post(webhookId, body, {}), 400, "missing_headers");
    expect(message).toContain("stripe-signature");
  });

  it("refuses a signature older than Stripe's 300 s tolerance, saying so", async () => {
    const { body } = event();
    const answer = await harness.post(webhookId, body, signed(body, secret, nowSeconds() - 400));
    const message = expectRefused(answer, 401, "timestamp_too_old");
    expect(message).toContain("±300 s");
    // Inside the window it is accepted.
    expectAccepted(await harness.post(webhookId, body, signed(body, secret, nowSeconds() - 240)));
  });

  it("accepts a header with two v1 signatures during Stripe's secret roll, and ignores v0", async () => {
    const { body } = event();
    const t = nowSeconds();
    const other = stripeClient.webhooks.generateTestHeaderString({ payload: body, secret: newSecret(), timestamp: t });
    const ours = stripeClient.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: t });
    const header = `${other},v1=${ours.split("v1=")[1]}`;
    expectAccepted(await harness.post(webhookId, body, { "stripe-signature": header }));
    const v0Only = ours.replace("v1=", "v0=");
    expectRefused(await harness.post(webhookId, body, { "stripe-signature": v0Only }), 400, "malformed_signature");
  });

  it("keeps the previous secret valid after it is replaced (secret rotation of the HMAC scheme)", async () => {
    const first = newSecret();
    const rotated = await harness.connect("stripe", first);
    await saveSigningSecret(harness.db, harness.tenant, rotated, { provider: "stripe", secret: newSecret() });
    const { id, body } = event();
    expectAccepted(await harness.post(rotated, body, signed(body, first)));
    const [logged] = await harness.events(rotated);
    expect(logged).toMatchObject({ svixId: id, secretSlot: "previous" });
  });

  it("signs test events the way stripe.webhooks.constructEvent verifies them", () => {
    const body = JSON.stringify(stripeSender.sample("charge.dispute.created", new Date()));
    const verification = stripeSender.verification(undefined);
    const headers = schemeFor(verification).sign(body, secret, verification, { id: "unused", now: new Date() });
    const verified = stripeClient.webhooks.constructEvent(body, headers["stripe-signature"], secret, 300);
    expect(verified).toMatchObject({ type: "charge.dispute.created", data: { object: { object: "dispute" } } });
    expect(() => stripeClient.webhooks.constructEvent(body, headers["stripe-signature"], newSecret())).toThrow(
      /No signatures found matching/,
    );
  });

  it("refuses a saved secret that is not a Stripe signing secret, naming an API key by its prefix only", () => {
    expect(stripeSender.secret.check("sk_live_51Nv0FGQ9RKHgCVdKabc")).toMatch(/secret key \(sk_…\)/);
    expect(stripeSender.secret.check("sk_live_51Nv0FGQ9RKHgCVdKabc")).not.toContain("51Nv0");
    expect(stripeSender.secret.check("abc123")).toMatch(/starts with whsec_/);
    expect(stripeSender.secret.check(newSecret())).toBeUndefined();
    expect(stripeSender.secret.check("whsec_8vXkQ2bLm9TzR4wY6nC1pF3sJ5hD7gA0")).toBeUndefined();
  });
});
