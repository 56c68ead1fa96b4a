import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hmacScheme } from "@/lib/senders/schemes/hmac";
import type { Verification } from "@/lib/senders/sender";
import { shopify } from "@/lib/senders/shopify/shopify";
import { sampleShopifyEvent } from "@/lib/senders/shopify/shopify-samples";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Shopify publishes no signing library for Node besides @shopify/shopify-api (not a dependency here), so
// requests are signed the way Shopify's docs compute the header: HMAC-SHA256 of the raw body with the app's
// client secret, base64.
// https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-2-validate-the-origin-of-your-webhook-to-ensure-its-coming-from-shopify

const SECRET = "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";
const OTHER_SECRET = "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";

function shopifyHmac(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

/** The headers Shopify sends with a delivery of `topic` (https://shopify.dev/docs/apps/build/webhooks#headers). */
function shopifyHeaders(body: string, topic: string, ids: { event: string; webhook: string }, secret = SECRET) {
  return {
    "X-Shopify-Topic": topic,
    "X-Shopify-Hmac-Sha256": shopifyHmac(body, secret),
    "X-Shopify-Shop-Domain": "analytical-engines.myshopify.com",
    "X-Shopify-API-Version": "2025-10",
    "X-Shopify-Webhook-Id": ids.webhook,
    "X-Shopify-Event-Id": ids.event,
    "X-Shopify-Triggered-At": new Date().toISOString(),
  };
}

const newIds = () => ({ event: randomUUID(), webhook: randomUUID() });

let harness: SenderHarness;
let webhookId: string;

beforeAll(async () => {
  harness = await startSenderHarness();
  webhookId = await harness.connect("shopify", SECRET);
});

afterAll(() => harness.close());

async function accepted(id: string) {
  return (await harness.events(id)).filter((event) => event.outcome === "accepted");
}

describe("Shopify requests", () => {
  it("accepts an order signed with the client secret and logs its topic, object and event id", async () => {
    const body = JSON.stringify(sampleShopifyEvent("orders/create", new Date()));
    const ids = newIds();
    const headers = shopifyHeaders(body, "orders/create", ids);
    expectAccepted(await harness.post(webhookId, body, headers));

    const event = (await accepted(webhookId)).find((row) => row.svixId === ids.event);
    expect(event).toMatchObject({ eventType: "orders/create", eventObject: "orders", dedupeKey: ids.event });
    expect(JSON.parse(event?.body ?? "{}")).toMatchObject({ name: "#1001", total_price: "49.00", currency: "USD" });
    // The signature is a replayable value: the log keeps the other headers, not it.
    expect(event?.headers).toContain("orders/create");
    expect(event?.headers).not.toContain(headers["X-Shopify-Hmac-Sha256"]);
  });

  it("treats a retry of the same event (same X-Shopify-Event-Id, new delivery id) as a duplicate", async () => {
    const id = await harness.connect("shopify", SECRET);
    const body = JSON.stringify(sampleShopifyEvent("orders/paid", new Date()));
    const event = randomUUID();
    expectAccepted(await harness.post(id, body, shopifyHeaders(body, "orders/paid", { event, webhook: randomUUID() })));
    const retry = await harness.post(id, body, shopifyHeaders(body, "orders/paid", { event, webhook: randomUUID() }));
    expect(retry).toEqual({ status: 200, json: { received: true, duplicate: true } });

    const rows = await accepted(id);
    expect(rows).toHaveLength(1);
    expect(rows[0].duplicateCount).toBe(1);
  });

  it("falls back to X-Shopify-Webhook-Id when a delivery carries no event id", async () => {
    const id = await harness.connect("shopify", SECRET);
    const body = JSON.stringify(sampleShopifyEvent("customers/create", new Date()));
    const { "X-Shopify-Event-Id": _dropped, ...headers } = shopifyHeaders(body, "customers/create", newIds());
    expectAccepted(await harness.post(id, body, headers));
    expect(await harness.post(id, body, headers)).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const rows = await accepted(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ svixId: headers["X-Shopify-Webhook-Id"], eventObject: "customers" });
  });

  it("refuses a body changed after signing", async () => {
    const body = JSON.stringify(sampleShopifyEvent("refunds/create", new Date()));
    const headers = shopifyHeaders(body, "refunds/create", newIds());
    const tampered = body.replace('"amount":"22.00"', '"amount":"2200.00"');
    expect(tampered).not.toBe(body);
    expectRefused(await harness.post(webhookId, tampered, headers), 401, "invalid_signature");
  });

  it("refuses a request signed with another secret", async () => {
    const body = JSON.stringify(sampleShopifyEvent("orders/create", new Date()));
    const headers = shopifyHeaders(body, "orders/create", newIds(), OTHER_SECRET);
    expectRefused(await harness.post(webhookId, body, headers), 401, "invalid_signature");
  });

  it("names X-Shopify-Hmac-Sha256 when it is missing", async () => {
    const body = JSON.stringify(sampleShopifyEvent("orders/create", new Date()));
    const { "X-Shopify-Hmac-Sha256": _dropped, ...headers } = shopifyHeaders(body, "orders/create", newIds());
    const message = expectRefused(await harness.post(webhookId, body, headers), 400, "missing_headers");
    expect(message).toContain("x-shopify-hmac-sha256");
    expect(message).toContain("Shopify");
  });

  it("says a Shopify request reached a webhook connected to another sender", async () => {
    const clerkWebhook = await harness.connect("clerk", "whsec_dGhpcmQtc2VjcmV0LWZvci1ob29rYmVsbC10ZXN0cw==");
    const body = JSON.stringify(sampleShopifyEvent("orders/create", new Date()));
    const message = expectRefused(
      await harness.post(clerkWebhook, body, shopifyHeaders(body, "orders/create", newIds())),
      400,
      "wrong_sender",
    );
    expect(message).toContain("This looks like a Shopify request, but this webhook is connected to Clerk");
  });
});

describe("Hookbell's Shopify signing (test events)", () => {
  const verification = shopify.verification(undefined) as Extract<Verification, { scheme: "hmac" }>;

  it("makes the header Shopify's docs compute, so a test event verifies as a real one", () => {
    const body = JSON.stringify(sampleShopifyEvent("app/uninstalled", new Date()));
    const signed = hmacScheme.sign(body, SECRET, verification, { id: "ignored", now: new Date() });
    expect(signed).toEqual({ "x-shopify-hmac-sha256": shopifyHmac(body, SECRET) });
  });

  it("puts the test event's id where Shopify puts its event id", () => {
    const headers = shopify.sampleHeaders?.("orders/create", "evt-123") ?? {};
    expect(headers).toMatchObject({ "X-Shopify-Topic": "orders/create", "X-Shopify-Event-Id": "evt-123" });
    const lookup = new Headers(headers);
    expect(shopify.identify({ headers: lookup, body: "{}" }, {}, undefined)).toEqual({
      messageId: "evt-123",
      eventType: "orders/create",
      eventObject: "orders",
    });
  });
});

describe("Shopify secrets", () => {
  it("takes a client secret and a store's webhook signing secret", () => {
    expect(shopify.secret.check(SECRET)).toBeUndefined();
    expect(shopify.secret.check("8c4c5d1f2a6b7e9d0c3f5a7b9d1e3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d")).toBeUndefined();
  });

  it("refuses an access token, a Svix-style secret, and blank or broken pastes", () => {
    expect(shopify.secret.check("shpat_0123456789abcdef0123456789abcdef")).toMatch(/access token \(shpat_…\)/);
    expect(shopify.secret.check("shpat_0123456789abcdef0123456789abcdef")).not.toContain("0123456789");
    expect(shopify.secret.check("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toMatch(/client secret/);
    expect(shopify.secret.check("   ")).toBeDefined();
    expect(shopify.secret.check("shpss_abc def")).toMatch(/no spaces/);
  });
});
