import { randomBytes } from "node:crypto";
import { Resend } from "resend";
import { Webhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resend } from "@/lib/senders/resend/resend";
import { sampleResendEvent } from "@/lib/senders/resend/resend-samples";
import { standardWebhooksScheme } from "@/lib/senders/schemes/standard-webhooks";
import type { Verification } from "@/lib/senders/sender";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Resend signs through Svix: requests here are signed with the svix library's Webhook.sign, and Hookbell's own
// signing (test events) is checked against the resend SDK's webhooks.verify.

const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;
const SECRET = newSecret();
const newId = () => `msg_${randomBytes(12).toString("base64url")}`;

/** The headers Resend (Svix) sends with `body`, signed at `at` with `secret`. */
function svixHeaders(body: string, id: string, at = new Date(), secret = SECRET) {
  return {
    "svix-id": id,
    "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
    "svix-signature": new Webhook(secret).sign(id, at, body),
  };
}

let harness: SenderHarness;
let webhookId: string;

beforeAll(async () => {
  harness = await startSenderHarness();
  webhookId = await harness.connect("resend", SECRET);
});

afterAll(() => harness.close());

const accepted = async (id: string) => (await harness.events(id)).filter((event) => event.outcome === "accepted");

describe("Resend requests", () => {
  it("accepts a bounce signed by svix and logs its type, object and svix-id", async () => {
    const body = JSON.stringify(sampleResendEvent("email.bounced", new Date()));
    const id = newId();
    expectAccepted(await harness.post(webhookId, body, svixHeaders(body, id)));

    const event = (await accepted(webhookId)).find((row) => row.svixId === id);
    expect(event).toMatchObject({ eventType: "email.bounced", eventObject: "email", dedupeKey: id });
    expect(JSON.parse(event?.body ?? "{}")).toMatchObject({ data: { bounce: { type: "Permanent" } } });
  });

  it("treats a retry with the same svix-id (signed again, later) as a duplicate", async () => {
    const hook = await harness.connect("resend", SECRET);
    const body = JSON.stringify(sampleResendEvent("email.delivered", new Date()));
    const id = newId();
    expectAccepted(await harness.post(hook, body, svixHeaders(body, id, new Date(Date.now() - 60_000))));
    const retry = await harness.post(hook, body, svixHeaders(body, id));
    expect(retry).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const rows = await accepted(hook);
    expect(rows).toHaveLength(1);
    expect(rows[0].duplicateCount).toBe(1);
  });

  it("refuses a body changed after signing", async () => {
    const body = JSON.stringify(sampleResendEvent("email.complained", new Date()));
    const headers = svixHeaders(body, newId());
    const tampered = body.replace("delivered@resend.dev", "someone@else.dev");
    expect(tampered).not.toBe(body);
    expectRefused(await harness.post(webhookId, tampered, headers), 401, "invalid_signature");
  });

  it("refuses a request signed with another secret", async () => {
    const body = JSON.stringify(sampleResendEvent("email.failed", new Date()));
    const headers = svixHeaders(body, newId(), new Date(), newSecret());
    expectRefused(await harness.post(webhookId, body, headers), 401, "invalid_signature");
  });

  it("names svix-signature when it is missing", async () => {
    const body = JSON.stringify(sampleResendEvent("email.sent", new Date()));
    const { "svix-signature": _dropped, ...headers } = svixHeaders(body, newId());
    const message = expectRefused(await harness.post(webhookId, body, headers), 400, "missing_headers");
    expect(message).toContain("svix-signature");
    expect(message).toContain("Resend");
  });

  it("refuses a request signed more than 5 minutes ago, naming Resend's tolerance", async () => {
    const body = JSON.stringify(sampleResendEvent("email.bounced", new Date()));
    const headers = svixHeaders(body, newId(), new Date(Date.now() - 6 * 60_000));
    const message = expectRefused(await harness.post(webhookId, body, headers), 401, "timestamp_too_old");
    expect(message).toContain("Resend's tolerance is 5 minutes (±300 s)");
  });

  it("accepts a request signed 4 minutes ago, inside the tolerance", async () => {
    const body = JSON.stringify(sampleResendEvent("email.opened", new Date()));
    expectAccepted(await harness.post(webhookId, body, svixHeaders(body, newId(), new Date(Date.now() - 4 * 60_000))));
  });
});

describe("Hookbell's Resend signing (test events)", () => {
  const verification = resend.verification(undefined) as Extract<Verification, { scheme: "standard-webhooks" }>;
  const sdk = new Resend("re_test_not_used_for_requests");

  it("is accepted by the resend SDK's webhooks.verify", () => {
    const body = JSON.stringify(sampleResendEvent("email.bounced", new Date()));
    const signed = standardWebhooksScheme.sign(body, SECRET, verification, { id: "msg_test_1", now: new Date() });
    const event = sdk.webhooks.verify({
      payload: body,
      headers: { id: signed["svix-id"], timestamp: signed["svix-timestamp"], signature: signed["svix-signature"] },
      webhookSecret: SECRET,
    });
    expect(event).toMatchObject({ type: "email.bounced", data: { email_id: expect.any(String) } });
  });

  it("is refused by the SDK under another secret, so the check above means something", () => {
    const body = JSON.stringify(sampleResendEvent("email.sent", new Date()));
    const signed = standardWebhooksScheme.sign(body, SECRET, verification, { id: "msg_test_2", now: new Date() });
    const headers = { id: signed["svix-id"], timestamp: signed["svix-timestamp"], signature: signed["svix-signature"] };
    expect(() => sdk.webhooks.verify({ payload: body, headers, webhookSecret: newSecret() })).toThrow();
  });
});

describe("Resend secrets", () => {
  it("takes a whsec_ signing secret and refuses an API key, naming it by prefix only", () => {
    expect(resend.secret.check(SECRET)).toBeUndefined();
    const apiKey = "re_123456789_AbCdEfGhIjKlMnOpQrStUvWx";
    expect(resend.secret.check(apiKey)).toMatch(/Resend API key \(re_…\)/);
    expect(resend.secret.check(apiKey)).not.toContain("AbCdEf");
    expect(resend.secret.check("not-a-secret")).toMatch(/starts with whsec_/);
  });
});
