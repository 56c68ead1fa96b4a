import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { LinearWebhookClient } from "@linear/sdk/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linear } from "@/lib/senders/linear/linear";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// @linear/sdk only verifies (LinearWebhookClient.verify: HMAC-SHA256 hex of the raw body, and the body's
// webhookTimestamp within 60 s of Date.now()), so requests are signed here with node:crypto, and every
// signature is checked by the SDK too, to prove that both agree.

const SECRET = `lin_wh_${randomBytes(24).toString("base64url")}`;
const sdk = new LinearWebhookClient(SECRET);

function signed(payload: Record<string, unknown>, secret = SECRET) {
  const body = JSON.stringify(payload);
  return { body, signature: createHmac("sha256", secret).update(body).digest("hex") };
}

/** An Issue.create as Linear sends it, stamped `ageMs` ago. */
function issueCreated(ageMs = 0): Record<string, unknown> {
  return { ...linear.sample("Issue.create", new Date()), webhookTimestamp: Date.now() - ageMs };
}

function linearHeaders(signature: string, delivery: string, event = "Issue"): Record<string, string> {
  return {
    "Content-Type": "application/json; charset=utf-8",
    "Linear-Delivery": delivery,
    "Linear-Event": event,
    "Linear-Signature": signature,
    "User-Agent": "Linear-Webhook",
  };
}

const sdkAccepts = (body: string, signature: string) => {
  try {
    return sdk.verify(Buffer.from(body), signature);
  } catch {
    return false;
  }
};

let harness: SenderHarness;
beforeAll(async () => {
  harness = await startSenderHarness();
});
afterAll(() => harness.close());

const accepted = async (webhookId: string) =>
  (await harness.events(webhookId)).filter((event) => event.outcome === "accepted");

describe("Linear webhooks", () => {
  it("accepts a signed Issue.create and logs its type and object, keyed by Linear-Delivery", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const { body, signature } = signed(issueCreated());
    expect(sdkAccepts(body, signature)).toBe(true);
    const delivery = randomUUID();
    expectAccepted(await harness.post(webhookId, body, linearHeaders(signature, delivery)));
    const [event] = await accepted(webhookId);
    expect(event).toMatchObject({ eventType: "Issue.create", eventObject: "Issue", svixId: delivery });
  });

  it("names comments, SLA events and updates by type and action", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    for (const type of ["Comment.create", "IssueSLA.breached", "Issue.update"]) {
      const { body, signature } = signed({ ...linear.sample(type, new Date()), webhookTimestamp: Date.now() });
      const entity = type.split(".")[0] ?? "";
      expectAccepted(await harness.post(webhookId, body, linearHeaders(signature, randomUUID(), entity)));
    }
    expect((await accepted(webhookId)).map((event) => event.eventType)).toEqual([
      "Comment.create",
      "IssueSLA.breached",
      "Issue.update",
    ]);
  });

  it("answers a retry with the same Linear-Delivery as a duplicate, though its webhookTimestamp is new", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const delivery = randomUUID();
    const first = signed(issueCreated(5_000));
    expectAccepted(await harness.post(webhookId, first.body, linearHeaders(first.signature, delivery)));
    const retry = signed(issueCreated());
    const answer = await harness.post(webhookId, retry.body, linearHeaders(retry.signature, delivery));
    expect(answer).toEqual({ status: 200, json: { received: true, duplicate: true } });
    expect(await accepted(webhookId)).toHaveLength(1);
  });

  it("keeps two deliveries of one webhook apart: the body's webhookId is the same on both", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const a = signed(issueCreated());
    const b = signed({ ...issueCreated(), action: "update" });
    expect(JSON.parse(a.body).webhookId).toBe(JSON.parse(b.body).webhookId);
    expectAccepted(await harness.post(webhookId, a.body, linearHeaders(a.signature, randomUUID())));
    expectAccepted(await harness.post(webhookId, b.body, linearHeaders(b.signature, randomUUID())));
    expect(await accepted(webhookId)).toHaveLength(2);
  });

  it("refuses a tampered body with invalid_signature, as the SDK does", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const { body, signature } = signed(issueCreated());
    const tampered = body.replace("Checkout total", "Checkout totals");
    expect(sdkAccepts(tampered, signature)).toBe(false);
    expectRefused(
      await harness.post(webhookId, tampered, linearHeaders(signature, randomUUID())),
      401,
      "invalid_signature",
    );
  });

  it("refuses a signature made with another secret", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const { body, signature } = signed(issueCreated(), `lin_wh_${randomBytes(24).toString("base64url")}`);
    expect(sdkAccepts(body, signature)).toBe(false);
    expectRefused(
      await harness.post(webhookId, body, linearHeaders(signature, randomUUID())),
      401,
      "invalid_signature",
    );
  });

  it("refuses a request without Linear-Signature, naming the header", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const { body } = signed(issueCreated());
    const { "Linear-Signature": _signature, ...headers } = linearHeaders("x", randomUUID());
    const message = expectRefused(await harness.post(webhookId, body, headers), 400, "missing_headers");
    expect(message).toContain("linear-signature");
  });

  it("refuses a webhookTimestamp more than 60 s old with Linear's tolerance in the message, as the SDK does", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const stale = signed(issueCreated(90_000));
    expect(sdkAccepts(stale.body, stale.signature)).toBe(false);
    const message = expectRefused(
      await harness.post(webhookId, stale.body, linearHeaders(stale.signature, randomUUID())),
      401,
      "timestamp_too_old",
    );
    expect(message).toContain("Linear's tolerance is 60 seconds (±60 s)");
    // 30 s old is within the window, for both.
    const recent = signed(issueCreated(30_000));
    expect(sdkAccepts(recent.body, recent.signature)).toBe(true);
    expectAccepted(await harness.post(webhookId, recent.body, linearHeaders(recent.signature, randomUUID())));
  });

  it("refuses a webhookTimestamp more than 60 s ahead, and a body without one", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const ahead = signed(issueCreated(-90_000));
    expectRefused(
      await harness.post(webhookId, ahead.body, linearHeaders(ahead.signature, randomUUID())),
      401,
      "timestamp_too_new",
    );
    const { webhookTimestamp: _t, ...untimed } = issueCreated();
    const none = signed(untimed);
    expect(sdkAccepts(none.body, none.signature)).toBe(false);
    const message = expectRefused(
      await harness.post(webhookId, none.body, linearHeaders(none.signature, randomUUID())),
      400,
      "invalid_timestamp",
    );
    expect(message).toContain("webhookTimestamp");
  });

  it("signs test events so that the SDK accepts them", async () => {
    const webhookId = await harness.connect("linear", SECRET);
    const now = new Date();
    const body = JSON.stringify(linear.sample("Issue.update", now));
    const verification = linear.verification(undefined);
    const headers = schemeFor(verification).sign(body, SECRET, verification, { id: "d", now });
    const signature = headers["linear-signature"] ?? "";
    expect(sdk.parseData(Buffer.from(body), signature)).toMatchObject({ type: "Issue", action: "update" });
    const delivery = randomUUID();
    expectAccepted(
      await harness.post(webhookId, body, { ...linear.sampleHeaders?.("Issue.update", delivery), ...headers }),
    );
    expect((await accepted(webhookId))[0]).toMatchObject({ eventType: "Issue.update", svixId: delivery });
  });

  it("names Linear when its request reaches a webhook connected to GitLab", async () => {
    const webhookId = await harness.connect("gitlab", "a GitLab secret token");
    const { body, signature } = signed(issueCreated());
    const message = expectRefused(
      await harness.post(webhookId, body, linearHeaders(signature, randomUUID())),
      400,
      "wrong_sender",
    );
    expect(message).toContain("This looks like a Linear request, but this webhook is connected to GitLab");
  });
});

describe("Linear's signing secret check", () => {
  it("names an API key pasted by mistake and accepts a signing secret", () => {
    expect(linear.secret.check("lin_api_0123456789abcdef")).toContain("personal API key (lin_api_…)");
    expect(linear.secret.check("lin_api_0123456789abcdef")).not.toContain("0123456789abcdef");
    expect(linear.secret.check(SECRET)).toBeUndefined();
  });
});
