import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Supabase has no signing library: its database webhooks post the row change as JSON with whatever HTTP
// headers the user adds (supabase.com/docs/guides/database/webhooks: Database → Webhooks → HTTP Headers).
// The bodies below are the payload shape documented there: { type, table, schema, record, old_record }.

const SECRET = "b3f1c0d9e8a7f6e5d4c3b2a1908f7e6d";

function rowChange(type: "INSERT" | "UPDATE" | "DELETE", id: number, status = "pending"): string {
  const row = { id, created_at: "2026-12-03T10:00:00.123456+00:00", status, customer_email: "ada@example.com" };
  return JSON.stringify({
    type,
    table: "orders",
    record: type === "DELETE" ? null : row,
    schema: "public",
    old_record: type === "INSERT" ? null : { ...row, status: "draft" },
  });
}

const sha256 = (body: string) => `sha256:${createHash("sha256").update(body).digest("hex")}`;

let harness: SenderHarness;

beforeAll(async () => {
  harness = await startSenderHarness();
});

afterAll(() => harness.close());

describe("Supabase database webhooks", () => {
  it("accepts a row change carrying the secret header and logs its operation, table and body-hash key", async () => {
    const webhookId = await harness.connect("supabase", SECRET);
    const body = rowChange("INSERT", 1);
    expectAccepted(await harness.post(webhookId, body, { "x-webhook-secret": SECRET }));
    const [event] = await harness.events(webhookId);
    expect(event).toMatchObject({
      outcome: "accepted",
      eventType: "insert",
      eventObject: "public.orders",
      svixId: sha256(body),
      dedupeKey: sha256(body),
    });
  });

  it("names updates and deletes by the payload's type, lower-cased", async () => {
    const webhookId = await harness.connect("supabase", SECRET);
    expectAccepted(await harness.post(webhookId, rowChange("UPDATE", 2, "paid"), { "x-webhook-secret": SECRET }));
    expectAccepted(await harness.post(webhookId, rowChange("DELETE", 3), { "x-webhook-secret": SECRET }));
    const events = await harness.events(webhookId);
    expect(events.map((event) => event.eventType)).toEqual(["update", "delete"]);
  });

  it("treats the same body again as a duplicate, since Supabase sends no delivery id", async () => {
    const webhookId = await harness.connect("supabase", SECRET);
    const body = rowChange("INSERT", 4);
    expectAccepted(await harness.post(webhookId, body, { "x-webhook-secret": SECRET }));
    const again = await harness.post(webhookId, body, { "x-webhook-secret": SECRET });
    expect(again).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const events = await harness.events(webhookId);
    expect(events.filter((event) => event.outcome === "accepted")).toHaveLength(1);
    expect(events.find((event) => event.outcome === "duplicate")?.reasonMessage).toMatch(/identical body/);
    // Another row is another event.
    expectAccepted(await harness.post(webhookId, rowChange("INSERT", 5), { "x-webhook-secret": SECRET }));
  });

  it("refuses another secret, and a missing or blank header naming it", async () => {
    const webhookId = await harness.connect("supabase", SECRET);
    const body = rowChange("INSERT", 6);
    expectRefused(await harness.post(webhookId, body, { "x-webhook-secret": `${SECRET}x` }), 401, "invalid_signature");
    expectRefused(await harness.post(webhookId, body, { "x-webhook-secret": "short" }), 401, "invalid_signature");
    const missing = expectRefused(await harness.post(webhookId, body, {}), 400, "missing_headers");
    expect(missing).toContain("x-webhook-secret");
    expectRefused(await harness.post(webhookId, body, { "x-webhook-secret": " " }), 400, "missing_headers");
    expect((await harness.events(webhookId)).every((event) => event.outcome === "rejected")).toBe(true);
  });

  it("reads the secret from the header the webhook's settings name, and redacts it in the log", async () => {
    const webhookId = await harness.connect("supabase", SECRET, { header: "X-Supabase-Token" });
    expect((await getWebhook(harness.db, harness.tenant, webhookId)).senderSettings).toEqual({
      header: "x-supabase-token",
    });
    const body = rowChange("INSERT", 7);
    const missing = expectRefused(
      await harness.post(webhookId, body, { "x-webhook-secret": SECRET }),
      400,
      "missing_headers",
    );
    expect(missing).toContain("x-supabase-token");
    expectAccepted(await harness.post(webhookId, body, { "x-supabase-token": SECRET }));
    const events = await harness.events(webhookId);
    const accepted = events.find((event) => event.outcome === "accepted");
    expect(JSON.parse(accepted?.headers ?? "{}")).toMatchObject({ "x-supabase-token": "[redacted]" });
    for (const event of events) expect(event.headers).not.toContain(SECRET);
  });

  it("takes the secret in Authorization too, as the whole header value", async () => {
    const webhookId = await harness.connect("supabase", `Bearer ${SECRET}`, { header: "authorization" });
    expectAccepted(await harness.post(webhookId, rowChange("INSERT", 8), { authorization: `Bearer ${SECRET}` }));
    expectRefused(
      await harness.post(webhookId, rowChange("INSERT", 9), { authorization: SECRET }),
      401,
      "invalid_signature",
    );
  });

  it("accepts the previous secret during its grace period after a rotation", async () => {
    const webhookId = await harness.connect("supabase", SECRET);
    const next = `${SECRET}-rotated`;
    await saveSigningSecret(harness.db, harness.tenant, webhookId, { provider: "supabase", secret: next });
    expectAccepted(await harness.post(webhookId, rowChange("INSERT", 10), { "x-webhook-secret": SECRET }));
    expectAccepted(await harness.post(webhookId, rowChange("INSERT", 11), { "x-webhook-secret": next }));
    expect((await harness.events(webhookId)).map((event) => event.secretSlot)).toEqual(["previous", "current"]);
  });

  it("keeps the settings when only the secret is replaced", async () => {
    const webhookId = await harness.connect("supabase", SECRET, { header: "x-db-hook" });
    await saveSigningSecret(harness.db, harness.tenant, webhookId, { provider: "supabase", secret: `${SECRET}-next` });
    expect((await getWebhook(harness.db, harness.tenant, webhookId)).senderSettings).toEqual({ header: "x-db-hook" });
  });

  it("refuses a header name that is not one, or that cannot carry a secret, naming the field, and saves nothing", async () => {
    for (const [header, problem] of [
      ["x webhook secret", /Secret header: a header name has only/],
      ["x-secret:", /Secret header: a header name has only/],
      ["", /Secret header: enter a header name/],
      ["Content-Type", /Secret header: that header is set by HTTP clients/],
      ["host", /Secret header: that header is set by HTTP clients/],
      ["content-length", /Secret header: that header is set by HTTP clients/],
    ] as const) {
      const webhook = await createWebhook(harness.db, harness.tenant);
      const saving = saveSigningSecret(harness.db, harness.tenant, webhook.id, {
        provider: "supabase",
        secret: SECRET,
        settings: { header },
      });
      await expect(saving, header).rejects.toBeInstanceOf(AppError);
      await expect(saving, header).rejects.toMatchObject({
        code: "validation_failed",
        message: expect.stringMatching(problem),
      });
      const after = await harness.db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
      expect(after, header).toMatchObject({ provider: null, senderConfig: null, signingSecret: null, isActive: false });
    }
  });

  it("refuses a guessable secret in Supabase's terms", async () => {
    const webhook = await createWebhook(harness.db, harness.tenant);
    await expect(
      saveSigningSecret(harness.db, harness.tenant, webhook.id, { provider: "supabase", secret: "hunter2" }),
    ).rejects.toThrow(/at least 16 characters/);
    await expect(
      saveSigningSecret(harness.db, harness.tenant, webhook.id, {
        provider: "supabase",
        secret: `${SECRET}\n${SECRET}`,
      }),
    ).rejects.toThrow(/line breaks/);
  });
});
