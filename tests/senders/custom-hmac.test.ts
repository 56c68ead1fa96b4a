import { createHmac } from "node:crypto";
import { sign as signGitHub, verify as verifyGitHub } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CustomHmacConfigSchema } from "@/lib/senders/custom-hmac/custom-hmac-config";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { findSender } from "@/lib/senders/senders";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Custom HMAC has no library of its own: each configuration is signed here with node:crypto the way the
// sender it stands for documents it, and the GitHub-like one also with GitHub's own @octokit/webhooks-methods.

const SECRET = "It's a Secret to Everybody";

const GITHUB_LIKE = {
  header: "X-Hub-Signature-256",
  algorithm: "sha256",
  encoding: "hex",
  prefix: "sha256=",
  signed: "body",
  idHeader: "X-GitHub-Delivery",
  typeField: "action",
};
const BASE64_SHA512 = { header: "x-acme-signature", algorithm: "sha512", encoding: "base64", typeField: "event.name" };
const TIMESTAMPED = {
  header: "x-signature",
  signed: "timestamp-body",
  timestampHeader: "X-Timestamp",
  separator: ".",
  timestampUnit: "s",
  toleranceSeconds: 120,
  idHeader: "x-event-id",
};

const hmac = (algorithm: string, content: string, encoding: "hex" | "base64" = "hex", secret = SECRET) =>
  createHmac(algorithm, secret).update(content).digest(encoding);

const seconds = (date = new Date()) => String(Math.floor(date.getTime() / 1000));

let harness: SenderHarness;

beforeAll(async () => {
  harness = await startSenderHarness();
});

afterAll(() => harness.close());

describe("Custom HMAC, GitHub-like (sha256= hex of the body, a delivery id header)", () => {
  const body = JSON.stringify({ action: "opened", number: 42, repository: { full_name: "octo/hello" } });

  it("accepts a body signed with node:crypto and with GitHub's own library, logging type and delivery id", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, GITHUB_LIKE);
    expect(await signGitHub(SECRET, body)).toBe(`sha256=${hmac("sha256", body)}`);
    const headers = { "x-hub-signature-256": await signGitHub(SECRET, body), "x-github-delivery": "d-1" };
    expectAccepted(await harness.post(webhookId, body, headers));
    const [event] = await harness.events(webhookId);
    expect(event).toMatchObject({ outcome: "accepted", eventType: "opened", svixId: "d-1", dedupeKey: "d-1" });
  });

  it("answers a retry with the same delivery id as a duplicate and stores one event", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, GITHUB_LIKE);
    const headers = { "x-hub-signature-256": `sha256=${hmac("sha256", body)}`, "x-github-delivery": "d-2" };
    expectAccepted(await harness.post(webhookId, body, headers));
    expect(await harness.post(webhookId, body, headers)).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    });
    const events = await harness.events(webhookId);
    expect(events.filter((event) => event.outcome === "accepted")).toHaveLength(1);
    expect(events.map((event) => event.outcome)).toEqual(["accepted", "duplicate"]);
  });

  it("refuses a tampered body, another secret, a missing prefix and a missing header", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, GITHUB_LIKE);
    const signature = `sha256=${hmac("sha256", body)}`;
    const id = { "x-github-delivery": "d-3" };
    expectRefused(
      await harness.post(webhookId, body.replace("42", "43"), { ...id, "x-hub-signature-256": signature }),
      401,
      "invalid_signature",
    );
    const other = `sha256=${hmac("sha256", body, "hex", "another secret")}`;
    expectRefused(
      await harness.post(webhookId, body, { ...id, "x-hub-signature-256": other }),
      401,
      "invalid_signature",
    );
    const bare = expectRefused(
      await harness.post(webhookId, body, { ...id, "x-hub-signature-256": hmac("sha256", body) }),
      400,
      "malformed_signature",
    );
    expect(bare).toContain("sha256=<signature>");
    const missing = expectRefused(await harness.post(webhookId, body, id), 400, "missing_headers");
    expect(missing).toContain("x-hub-signature-256");
  });

  it("signs test events the way GitHub's own verifier accepts", async () => {
    const sender = findSender("custom-hmac");
    if (!sender) throw new Error("custom-hmac is not registered");
    const verification = sender.verification(CustomHmacConfigSchema.parse(GITHUB_LIKE));
    const headers = schemeFor(verification).sign(body, SECRET, verification, { id: "d-4", now: new Date() });
    expect(await verifyGitHub(SECRET, body, headers["x-hub-signature-256"])).toBe(true);
    expect(await verifyGitHub("another secret", body, headers["x-hub-signature-256"])).toBe(false);
  });

  it("keeps accepting the previous secret for its grace period after a rotation", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, GITHUB_LIKE);
    await saveSigningSecret(harness.db, harness.tenant, webhookId, {
      provider: "custom-hmac",
      secret: "the new secret",
    });
    const headers = (secret: string, id: string) => ({
      "x-hub-signature-256": `sha256=${hmac("sha256", body, "hex", secret)}`,
      "x-github-delivery": id,
    });
    expectAccepted(await harness.post(webhookId, body, headers(SECRET, "d-5")));
    expectAccepted(await harness.post(webhookId, body, headers("the new secret", "d-6")));
    const events = await harness.events(webhookId);
    expect(events.map((event) => event.secretSlot)).toEqual(["previous", "current"]);
    // The rotation kept the settings: still GitHub's header and prefix.
    expect((await getWebhook(harness.db, harness.tenant, webhookId)).senderSettings).toMatchObject({
      header: "x-hub-signature-256",
      prefix: "sha256=",
      idHeader: "x-github-delivery",
    });
  });
});

describe("Custom HMAC, base64 SHA-512 without an id header", () => {
  const body = JSON.stringify({ event: { name: "invoice.paid" }, data: { id: "inv_1", amount: 1200 } });

  it("accepts the signature, reads a nested type field, and dedupes on the body", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, BASE64_SHA512);
    const headers = { "x-acme-signature": hmac("sha512", body, "base64") };
    expectAccepted(await harness.post(webhookId, body, headers));
    expect((await harness.post(webhookId, body, headers)).json).toEqual({ received: true, duplicate: true });
    const [event] = await harness.events(webhookId);
    expect(event).toMatchObject({
      outcome: "accepted",
      eventType: "invoice.paid",
      svixId: expect.stringMatching(/^sha256:/),
    });
  });

  it("refuses a SHA-256 or hex digest of the same body", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, BASE64_SHA512);
    for (const signature of [hmac("sha256", body, "base64"), hmac("sha512", body, "hex")]) {
      expectRefused(await harness.post(webhookId, body, { "x-acme-signature": signature }), 401, "invalid_signature");
    }
  });

  it("redacts the configured signature header in the stored request headers", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, BASE64_SHA512);
    const signature = hmac("sha512", body, "base64");
    expectAccepted(await harness.post(webhookId, body, { "x-acme-signature": signature, "x-other": "kept" }));
    expectRefused(
      await harness.post(webhookId, `${body} `, { "x-acme-signature": signature }),
      401,
      "invalid_signature",
    );
    const events = await harness.events(webhookId);
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(JSON.parse(event.headers)).toMatchObject({ "x-acme-signature": "[redacted]" });
      expect(event.headers).not.toContain(signature);
    }
    expect(JSON.parse(events[0].headers)).toMatchObject({ "x-other": "kept" });
  });
});

describe("Custom HMAC, a signed timestamp in its own header", () => {
  const body = JSON.stringify({ type: "order.shipped", id: "ord_9" });
  const signedHeaders = (at: Date, id: string, unit: "s" | "ms" = "s") => {
    const timestamp = unit === "s" ? seconds(at) : String(at.getTime());
    return { "x-signature": hmac("sha256", `${timestamp}.${body}`), "x-timestamp": timestamp, "x-event-id": id };
  };

  it("accepts a fresh signature of timestamp.body, and one in milliseconds when so configured", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, TIMESTAMPED);
    expectAccepted(await harness.post(webhookId, body, signedHeaders(new Date(), "t-1")));
    const inMs = await harness.connect("custom-hmac", SECRET, { ...TIMESTAMPED, timestampUnit: "ms" });
    expectAccepted(await harness.post(inMs, body, signedHeaders(new Date(), "t-2", "ms")));
    const [event] = await harness.events(webhookId);
    expect(event).toMatchObject({ eventType: "order.shipped", svixId: "t-1" });
  });

  it("refuses a timestamp older than the configured tolerance, saying what it is", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, TIMESTAMPED);
    const stale = new Date(Date.now() - 10 * 60 * 1000);
    const message = expectRefused(
      await harness.post(webhookId, body, signedHeaders(stale, "t-3")),
      401,
      "timestamp_too_old",
    );
    expect(message).toContain("Custom HMAC's tolerance is 2 minutes (±120 s)");
    // Within the tolerance passes.
    expectAccepted(await harness.post(webhookId, body, signedHeaders(new Date(Date.now() - 60 * 1000), "t-4")));
  });

  it("refuses a signature of the body alone, a moved timestamp, and a missing timestamp header", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, TIMESTAMPED);
    const fresh = signedHeaders(new Date(), "t-5");
    const bodyOnly = { ...fresh, "x-signature": hmac("sha256", body) };
    expectRefused(await harness.post(webhookId, body, bodyOnly), 401, "invalid_signature");
    const moved = { ...fresh, "x-timestamp": String(Number(fresh["x-timestamp"]) + 1) };
    expectRefused(await harness.post(webhookId, body, moved), 401, "invalid_signature");
    const { "x-timestamp": _dropped, ...withoutTime } = fresh;
    const missing = expectRefused(await harness.post(webhookId, body, withoutTime), 400, "missing_headers");
    expect(missing).toContain("x-timestamp");
  });
});

describe("Custom HMAC settings", () => {
  it("saves the defaults when none are given and returns them", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET);
    expect((await getWebhook(harness.db, harness.tenant, webhookId)).senderSettings).toEqual({
      header: "x-signature",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "",
      signed: "body",
      separator: ".",
      timestampUnit: "s",
      toleranceSeconds: 300,
      typeField: "type",
    });
  });

  it("takes numbers as the form sends them and blank optional headers as none", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, {
      ...TIMESTAMPED,
      toleranceSeconds: "600",
      idHeader: "",
    });
    expect((await getWebhook(harness.db, harness.tenant, webhookId)).senderSettings).toMatchObject({
      toleranceSeconds: 600,
      timestampHeader: "x-timestamp",
    });
    expect((await getWebhook(harness.db, harness.tenant, webhookId)).senderSettings).not.toHaveProperty("idHeader");
  });

  it.each([
    ["a header name with a space", { header: "x signature" }, /Signature header: a header name has only/],
    [
      "a header clients set themselves",
      { header: "Content-Type" },
      /Signature header: that header is set by HTTP clients/,
    ],
    [
      "a signed timestamp without its header",
      { signed: "timestamp-body" },
      /Timestamp header: required when a timestamp is signed/,
    ],
    ["a tolerance of 0", { ...TIMESTAMPED, toleranceSeconds: 0 }, /Tolerance: between 1 and 3600 seconds/],
    ["a tolerance of 3601", { ...TIMESTAMPED, toleranceSeconds: 3601 }, /Tolerance: between 1 and 3600 seconds/],
    [
      "a tolerance that is not a number",
      { ...TIMESTAMPED, toleranceSeconds: "soon" },
      /Tolerance: enter a number of seconds/,
    ],
    ["a prefix of 21 characters", { prefix: "s".repeat(21) }, /Signature prefix: at most 20 characters/],
    ["a prefix with a line break", { prefix: "sha256=\n" }, /Signature prefix: printable characters only/],
    ["an unknown algorithm", { algorithm: "md5" }, /Algorithm: choose sha1, sha256 or sha512/],
    ["an id header equal to the signature header", { idHeader: "X-Signature" }, /Delivery ID header: must differ/],
    [
      "a type field that is not a path",
      { typeField: "event..name" },
      /Event type field: a field name of the JSON body/,
    ],
  ])("refuses %s, naming the field, and saves nothing", async (_case, settings, problem) => {
    const webhook = await createWebhook(harness.db, harness.tenant);
    const saving = saveSigningSecret(harness.db, harness.tenant, webhook.id, {
      provider: "custom-hmac",
      secret: SECRET,
      settings,
    });
    await expect(saving).rejects.toBeInstanceOf(AppError);
    await expect(saving).rejects.toMatchObject({ code: "validation_failed", message: expect.stringMatching(problem) });
    const after = await harness.db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(after).toMatchObject({ provider: null, senderConfig: null, signingSecret: null, isActive: false });
  });

  it("refuses to start ingesting with settings that were stored broken", async () => {
    const webhookId = await harness.connect("custom-hmac", SECRET, GITHUB_LIKE);
    await harness.db.webhook.update({ where: { id: webhookId }, data: { senderConfig: '{"algorithm":"md5"}' } });
    const body = "{}";
    const answer = await harness.post(webhookId, body, { "x-hub-signature-256": `sha256=${hmac("sha256", body)}` });
    expectRefused(answer, 409, "sender_settings_invalid");
    // A test event says the same instead of failing on the settings.
    await expect(sendTestEvent(harness.db, harness.tenant, webhookId, "invoice.created")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("settings are incomplete"),
    });
  });
});
