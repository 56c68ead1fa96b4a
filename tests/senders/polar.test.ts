import { randomBytes } from "node:crypto";
import { validateEvent } from "@polar-sh/sdk/webhooks";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { polar } from "@/lib/senders/polar/polar";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Polar requests signed with `standardwebhooks` keyed the way Polar's SDK keys it (the base64 of the
// secret's bytes, @polar-sh/sdk webhooks.ts), checked with the SDK's own validateEvent, and posted to the
// real front end.

const newSecret = () => `polar_whs_${randomBytes(32).toString("base64url")}`;

function sign(body: string, secret: string, id = `msg_${randomBytes(10).toString("hex")}`, at = new Date()) {
  const signature = new Webhook(Buffer.from(secret).toString("base64")).sign(id, at, body);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

const sample = (type = "order.paid") => JSON.stringify(polar.sample(type, new Date()));

describe("the Polar sender", () => {
  let harness: SenderHarness;
  let secret: string;
  let webhookId: string;

  beforeAll(async () => {
    harness = await startSenderHarness();
    secret = newSecret();
    webhookId = await harness.connect("polar", secret);
  });
  afterAll(() => harness.close());

  it("accepts a request Polar's SDK validates, and logs its type, object and webhook-id", async () => {
    const body = sample("subscription.canceled");
    const headers = sign(body, secret);
    expect(validateEvent(body, headers, secret)).toMatchObject({ type: "subscription.canceled" });
    expectAccepted(await harness.post(webhookId, body, headers));
    const [logged] = (await harness.events(webhookId)).filter((row) => row.svixId === headers["webhook-id"]);
    expect(logged).toMatchObject({
      outcome: "accepted",
      eventType: "subscription.canceled",
      eventObject: "subscription",
      secretSlot: "current",
    });
  });

  it("takes a retry with the same webhook-id, signed again later, as a duplicate", async () => {
    const body = sample();
    const first = sign(body, secret, undefined, new Date(Date.now() - 60_000));
    expectAccepted(await harness.post(webhookId, body, first));
    const retry = await harness.post(webhookId, body, sign(body, secret, first["webhook-id"]));
    expect(retry).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const accepted = (await harness.events(webhookId)).filter(
      (row) => row.svixId === first["webhook-id"] && row.outcome === "accepted",
    );
    expect(accepted).toHaveLength(1);
    expect(accepted[0].duplicateCount).toBe(1);
  });

  it("refuses a tampered body, a wrong secret, and the secret read as a whsec_ base64 key", async () => {
    const body = sample();
    expectRefused(
      await harness.post(webhookId, body.replace("1800", "1"), sign(body, secret)),
      401,
      "invalid_signature",
    );
    expectRefused(await harness.post(webhookId, body, sign(body, newSecret())), 401, "invalid_signature");
    // Standard Webhooks would base64-decode the secret; Polar uses its bytes as they are.
    const decodedKey = new Webhook(secret.slice("polar_whs_".length).replace(/-/g, "+").replace(/_/g, "/"));
    const id = "msg_decoded_key";
    const at = new Date();
    const headers = {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": decodedKey.sign(id, at, body),
    };
    expectRefused(await harness.post(webhookId, body, headers), 401, "invalid_signature");
  });

  it("names the missing webhook-signature header", async () => {
    const body = sample();
    const { "webhook-signature": _, ...rest } = sign(body, secret);
    const message = expectRefused(await harness.post(webhookId, body, rest), 400, "missing_headers");
    expect(message).toContain("webhook-signature");
  });

  it("still names another sender whose own header a request carries instead of Polar's", async () => {
    const body = sample();
    const answer = await harness.post(webhookId, body, { "stripe-signature": "t=1,v1=00" });
    expect(expectRefused(answer, 400, "wrong_sender")).toContain(
      "a Stripe request, but this webhook is connected to Polar",
    );
  });

  it("refuses a signature older than Polar's 5 minutes, saying so", async () => {
    const body = sample();
    const stale = sign(body, secret, undefined, new Date(Date.now() - 6 * 60_000));
    expect(() => validateEvent(body, stale, secret)).toThrow(/too old/i);
    const message = expectRefused(await harness.post(webhookId, body, stale), 401, "timestamp_too_old");
    expect(message).toContain("Polar's tolerance is 5 minutes (±300 s)");
  });

  it("signs test events the way Polar's validateEvent checks them, for every preset's sample", () => {
    const verification = polar.verification(undefined);
    for (const preset of polar.presets) {
      const body = JSON.stringify(polar.sample(preset.eventType, new Date()));
      const headers = schemeFor(verification).sign(body, secret, verification, { id: "msg_test_1", now: new Date() });
      // validateEvent also parses the payload with Polar's own schemas: the sample has the shape Polar sends.
      const event = validateEvent(body, headers, secret);
      expect(event.type, preset.id).toBe(preset.eventType);
      expect(() => validateEvent(body, headers, newSecret())).toThrow();
    }
  });

  it("names a pasted Polar access token as one, without repeating it", () => {
    const token = "polar_oat_WLskrsu0WnvSXEOhZpUeXxrtshEFkhyBbQYC";
    expect(polar.secret.check(token)).toMatch(/Polar access token/);
    expect(polar.secret.check(token)).not.toContain("WLskrs");
    expect(polar.secret.check(newSecret())).toBeUndefined();
  });
});
