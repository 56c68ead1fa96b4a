import Database from "better-sqlite3";
import { Webhook } from "svix";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv, resetEnvForTests } from "@/lib/env";
import { MAX_BODY_BYTES } from "@/lib/ingest/read-capped-body";
import { REJECTED_BODY_BYTES } from "@/lib/ingest/record-request";
import { clerk } from "@/lib/senders/clerk/clerk";
import { type StoredSecrets, verifyRequest } from "@/lib/senders/verify-request";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { SECRET_GRACE_MS, saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { setWebhookActive } from "@/lib/webhooks/update-webhook";
import { type FrontServer, startFrontServer } from "../helpers/front-server";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

// Drives the real HTTP front end (the server `npm start` serves ingest on) against a real SQLite file,
// signing with svix's own sign(). Two proxies are trusted, so X-Forwarded-For's client entry is recorded.
// The first describe block ports every case of node_modules/svix/src/webhook.test.ts to HTTP.

const TOLERANCE_SECONDS = 5 * 60;

/** Clerk's verification of a body under svix-* headers, as ingest runs it. */
function verifySignature(
  body: string,
  headers: { id: string; timestamp: string; signature: string },
  secrets: StoredSecrets,
  now: Date,
) {
  const lookup = new Headers({
    "svix-id": headers.id,
    "svix-timestamp": headers.timestamp,
    "svix-signature": headers.signature,
  });
  const result = verifyRequest(clerk, undefined, { headers: lookup, body }, secrets, now);
  return result.ok ? { ok: true, slot: result.slot, payload: result.payload } : result;
}

const SVIX_MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const SVIX_PAYLOAD = `{"test": 2432232314}`;
const RAW_SECRET = CLERK_SECRET.slice("whsec_".length); // the svix test suite's defaultSecret

let db: Db;
let tenant: Tenant;
let front: FrontServer;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  front = await startFrontServer(db, { trustedProxies: 2 });
});

afterAll(() => front.close());

type Answer = { status: number; headers: Headers; json: Record<string, unknown> };

/** The ingest URL of `webhookId`, the id sent as one path segment whatever it holds. */
function ingestUrl(webhookId: string): string {
  return `${front.url}/api/ingest/${encodeURIComponent(webhookId)}`;
}

async function post(webhookId: string, body: BodyInit | null, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(ingestUrl(webhookId), { method: "POST", body, headers });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

async function activeWebhook(secret = CLERK_SECRET): Promise<string> {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret });
  return webhook.id;
}

function eventsOf(webhookId: string) {
  return db.event.findMany({ where: { webhookId }, orderBy: { id: "asc" } });
}

async function onlyEvent(webhookId: string) {
  const rows = await eventsOf(webhookId);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** The svix suite's TestPayload: its message id and payload, signed by svix at `timestampMs`. */
function svixTestPayload(timestampMs = Date.now(), secret = CLERK_SECRET) {
  const timestamp = new Date(timestampMs);
  return {
    payload: SVIX_PAYLOAD,
    signature: new Webhook(secret).sign(SVIX_MSG_ID, timestamp, SVIX_PAYLOAD),
    header: {
      "svix-id": SVIX_MSG_ID,
      "svix-timestamp": String(Math.floor(timestampMs / 1000)),
      "svix-signature": new Webhook(secret).sign(SVIX_MSG_ID, timestamp, SVIX_PAYLOAD),
    } as Record<string, string>,
  };
}

function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual({ error: { code, message: expect.any(String) } });
  return (answer.json.error as { message: string }).message;
}

async function expectRejectedRow(webhookId: string, status: number, code: string) {
  const row = await onlyEvent(webhookId);
  expect(row).toMatchObject({ outcome: "rejected", httpStatus: status, reasonCode: code, dedupeKey: null });
  const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
  expect(webhook.eventCount).toBe(0);
  return row;
}

async function expectAcceptedRow(webhookId: string, slot: "current" | "previous" = "current") {
  const row = await onlyEvent(webhookId);
  expect(row).toMatchObject({ outcome: "accepted", httpStatus: 200, reasonCode: null, secretSlot: slot });
  return row;
}

/** Waits until early in a wall-clock second, so a timestamp at exactly ±300 s stays exactly ±300 s. */
async function startOfSecond(): Promise<void> {
  const ms = Date.now() % 1000;
  if (ms > 100) await new Promise((resolve) => setTimeout(resolve, 1000 - ms + 5));
}

describe("the svix library's verification cases, over HTTP", () => {
  let webhookId: string;
  beforeEach(async () => {
    webhookId = await activeWebhook();
  });

  for (const header of ["svix-id", "svix-timestamp", "svix-signature"]) {
    it(`refuses a request without ${header} with 400 missing_headers naming only ${header}`, async () => {
      const test = svixTestPayload();
      delete test.header[header];
      const message = expectError(await post(webhookId, test.payload, test.header), 400, "missing_headers");
      expect(message).toContain(`Missing required header: ${header}.`);
      for (const other of ["svix-id", "svix-timestamp", "svix-signature"].filter((name) => name !== header)) {
        expect(message).not.toContain(other);
      }
      const row = await expectRejectedRow(webhookId, 400, "missing_headers");
      expect(row.body).toBe(SVIX_PAYLOAD);
    });
  }

  it("names every missing header when none of the three is sent", async () => {
    const message = expectError(await post(webhookId, SVIX_PAYLOAD, {}), 400, "missing_headers");
    expect(message).toContain("Missing required headers: svix-id, svix-timestamp, svix-signature.");
    await expectRejectedRow(webhookId, 400, "missing_headers");
  });

  it("counts blank header values as missing", async () => {
    const test = svixTestPayload();
    test.header["svix-id"] = "";
    test.header["svix-signature"] = "   ";
    const message = expectError(await post(webhookId, test.payload, test.header), 400, "missing_headers");
    expect(message).toContain("svix-id, svix-signature");
    expect(message).not.toContain("svix-timestamp");
    await expectRejectedRow(webhookId, 400, "missing_headers");
  });

  for (const timestamp of ["hello", "123abc"]) {
    it(`refuses the non-numeric timestamp "${timestamp}" with 400 invalid_timestamp`, async () => {
      const test = svixTestPayload();
      test.header["svix-timestamp"] = timestamp;
      const message = expectError(await post(webhookId, test.payload, test.header), 400, "invalid_timestamp");
      expect(message).toContain(`"${timestamp}"`);
      const row = await expectRejectedRow(webhookId, 400, "invalid_timestamp");
      expect(row.svixId).toBe(SVIX_MSG_ID);
    });
  }

  it("refuses an invalid signature with 401 invalid_signature", async () => {
    const test = svixTestPayload();
    test.header["svix-signature"] = "v1,dawfeoifkpqwoekfpqoekf";
    const message = expectError(await post(webhookId, test.payload, test.header), 401, "invalid_signature");
    expect(message).not.toContain(CLERK_SECRET.slice(-4));
    await expectRejectedRow(webhookId, 401, "invalid_signature");
  });

  it("refuses a signature truncated to its first 8 characters", async () => {
    const test = svixTestPayload();
    test.header["svix-signature"] = test.header["svix-signature"].slice(0, 8);
    expectError(await post(webhookId, test.payload, test.header), 401, "invalid_signature");
    await expectRejectedRow(webhookId, 401, "invalid_signature");
  });

  it('refuses the empty signature "v1,"', async () => {
    const test = svixTestPayload();
    test.header["svix-signature"] = "v1,";
    expectError(await post(webhookId, test.payload, test.header), 401, "invalid_signature");
    await expectRejectedRow(webhookId, 401, "invalid_signature");
  });

  it("accepts a valid signature with 200 {received: true}", async () => {
    const test = svixTestPayload();
    const answer = await post(webhookId, test.payload, test.header);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ received: true });
    const row = await expectAcceptedRow(webhookId);
    expect(row.body).toBe(SVIX_PAYLOAD);
    expect(row.svixId).toBe(SVIX_MSG_ID);
  });

  it("accepts a valid signature sent in the unbranded webhook-* headers", async () => {
    const test = svixTestPayload();
    const unbranded = {
      "webhook-id": test.header["svix-id"],
      "webhook-signature": test.header["svix-signature"],
      "webhook-timestamp": test.header["svix-timestamp"],
    };
    const answer = await post(webhookId, test.payload, unbranded);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ received: true });
    const row = await expectAcceptedRow(webhookId);
    expect(JSON.parse(row.headers)["webhook-signature"]).toBe("v1,[redacted]");
  });

  it("names the missing webhook-* header when the sender uses unbranded headers", async () => {
    const test = svixTestPayload();
    const unbranded = {
      "webhook-signature": test.header["svix-signature"],
      "webhook-timestamp": test.header["svix-timestamp"],
    };
    const message = expectError(await post(webhookId, test.payload, unbranded), 400, "missing_headers");
    expect(message).toContain("Missing required header: webhook-id.");
    expect(message).not.toContain("svix-");
    await expectRejectedRow(webhookId, 400, "missing_headers");
  });

  it("refuses a timestamp just over 5 minutes old with 401 timestamp_too_old", async () => {
    const test = svixTestPayload(Date.now() - TOLERANCE_SECONDS * 1000 - 1000);
    const message = expectError(await post(webhookId, test.payload, test.header), 401, "timestamp_too_old");
    expect(message).toMatch(/30[12] s older/);
    await expectRejectedRow(webhookId, 401, "timestamp_too_old");
  });

  it("refuses a timestamp just over 5 minutes ahead with 401 timestamp_too_new", async () => {
    await startOfSecond();
    const test = svixTestPayload(Date.now() + TOLERANCE_SECONDS * 1000 + 1000);
    const message = expectError(await post(webhookId, test.payload, test.header), 401, "timestamp_too_new");
    expect(message).toContain("301 s ahead");
    await expectRejectedRow(webhookId, 401, "timestamp_too_new");
  });

  it("accepts a timestamp exactly 5 minutes old", async () => {
    await startOfSecond();
    const test = svixTestPayload(Date.now() - TOLERANCE_SECONDS * 1000);
    const answer = await post(webhookId, test.payload, test.header);
    expect(answer.json).toEqual({ received: true });
    await expectAcceptedRow(webhookId);
  });

  it("accepts a timestamp exactly 5 minutes ahead", async () => {
    await startOfSecond();
    const test = svixTestPayload(Date.now() + TOLERANCE_SECONDS * 1000);
    const answer = await post(webhookId, test.payload, test.header);
    expect(answer.json).toEqual({ received: true });
    await expectAcceptedRow(webhookId);
  });

  it("accepts a multi-signature header when one v1 signature among v1/v2 junk is valid", async () => {
    const test = svixTestPayload();
    test.header["svix-signature"] = [
      "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
      "v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
      test.header["svix-signature"],
      "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=",
    ].join(" ");
    const answer = await post(webhookId, test.payload, test.header);
    expect(answer.status).toBe(200);
    const row = await expectAcceptedRow(webhookId);
    expect(JSON.parse(row.headers)["svix-signature"]).toBe("v1,[redacted] v2,[redacted] v1,[redacted] v1,[redacted]");
    expect(row.headers).not.toContain("Ceo5qEr07");
  });

  it("refuses a multi-signature header whose only valid signature is tagged v2", async () => {
    const test = svixTestPayload();
    test.header["svix-signature"] = test.header["svix-signature"].replace(/^v1,/, "v2,");
    expectError(await post(webhookId, test.payload, test.header), 401, "invalid_signature");
  });

  it("treats a secret without the whsec_ prefix as the same key (signed raw, saved as whsec_)", async () => {
    const timestamp = new Date();
    const rawSigned = new Webhook(RAW_SECRET).sign(SVIX_MSG_ID, timestamp, SVIX_PAYLOAD);
    expect(rawSigned).toBe(new Webhook(CLERK_SECRET).sign(SVIX_MSG_ID, timestamp, SVIX_PAYLOAD));
    const answer = await post(webhookId, SVIX_PAYLOAD, {
      "svix-id": SVIX_MSG_ID,
      "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "svix-signature": rawSigned,
    });
    expect(answer.json).toEqual({ received: true });
    await expectAcceptedRow(webhookId);
  });

  describe("an empty or malformed secret (svix: empty key raises error)", () => {
    const cases: [string, string, string][] = [
      ["empty", "", "Enter the signing secret."],
      ["blank", "   ", "Enter the signing secret."],
      ["without whsec_ prefix", RAW_SECRET, "starts with whsec_"],
      ["only the prefix", "whsec_", "must be base64"],
    ];
    for (const [label, secret, message] of cases) {
      it(`refuses to save a ${label} secret with a ZodError saying "${message}"`, async () => {
        const fresh = await createWebhook(db, tenant);
        const attempt = saveSigningSecret(db, tenant, fresh.id, { provider: "clerk", secret });
        await expect(attempt).rejects.toBeInstanceOf(ZodError);
        await expect(attempt).rejects.toThrow(message);
        const row = await db.webhook.findUniqueOrThrow({ where: { id: fresh.id } });
        expect(row).toMatchObject({ signingSecret: null, isActive: false });
      });
    }
  });
});

describe("known-answer signature vectors", () => {
  const vectors = [
    {
      key: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
      ts: 1614265330,
      body: '{"test": 2432232314}',
      signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    },
    {
      key: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD",
      id: "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk",
      ts: 1649367553,
      body: '{"email":"test@example.com","username":"test_user"}',
      signature: "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=",
    },
  ];

  for (const vector of vectors) {
    const headers = {
      id: vector.id,
      timestamp: String(vector.ts),
      signature: vector.signature,
      family: "svix" as const,
    };
    const secrets = { current: vector.key, previous: null, previousExpiresAt: null };

    it(`svix sign() produces ${vector.signature.slice(0, 12)}… for ${vector.id}`, () => {
      expect(new Webhook(vector.key).sign(vector.id, new Date(vector.ts * 1000), vector.body)).toBe(vector.signature);
    });

    it(`verifySignature accepts ${vector.id} when now is the vector's timestamp`, () => {
      const result = verifySignature(vector.body, headers, secrets, new Date(vector.ts * 1000));
      expect(result).toEqual({ ok: true, slot: "current", payload: JSON.parse(vector.body) });
    });

    it(`verifySignature refuses ${vector.id} with one changed body byte`, () => {
      const result = verifySignature(`${vector.body} `, headers, secrets, new Date(vector.ts * 1000));
      expect(result).toMatchObject({ ok: false, status: 401, code: "invalid_signature" });
    });

    it(`verifySignature refuses ${vector.id} 301 s after its timestamp as too old`, () => {
      const result = verifySignature(vector.body, headers, secrets, new Date((vector.ts + 301) * 1000));
      expect(result).toMatchObject({ ok: false, status: 401, code: "timestamp_too_old" });
    });
  }
});

describe("signature checks beyond the svix suite", () => {
  it("refuses a tampered body (signed one body, sent another) with 401 invalid_signature", async () => {
    const webhookId = await activeWebhook();
    const signed = clerkEvent("user.created");
    const sent = clerkEvent("user.deleted");
    expectError(await post(webhookId, sent, signedHeaders(signed)), 401, "invalid_signature");
    const row = await expectRejectedRow(webhookId, 401, "invalid_signature");
    expect(row.body).toBe(sent);
  });

  it("refuses a request signed with a different secret with 401 invalid_signature", async () => {
    const webhookId = await activeWebhook(CLERK_SECRET);
    const body = clerkEvent();
    expectError(await post(webhookId, body, signedHeaders(body, { secret: OTHER_SECRET })), 401, "invalid_signature");
    await expectRejectedRow(webhookId, 401, "invalid_signature");
  });

  describe("secret rotation", () => {
    it("accepts a request signed with the new secret, recording secretSlot current", async () => {
      const webhookId = await activeWebhook(CLERK_SECRET);
      await saveSigningSecret(db, tenant, webhookId, { provider: "clerk", secret: OTHER_SECRET });
      const body = clerkEvent();
      expect((await post(webhookId, body, signedHeaders(body, { secret: OTHER_SECRET }))).json).toEqual({
        received: true,
      });
      await expectAcceptedRow(webhookId, "current");
    });

    it("accepts a request signed with the previous secret within the 24 h grace period, recording secretSlot previous", async () => {
      const webhookId = await activeWebhook(CLERK_SECRET);
      await saveSigningSecret(
        db,
        tenant,
        webhookId,
        { provider: "clerk", secret: OTHER_SECRET },
        new Date(Date.now() - SECRET_GRACE_MS + 60_000),
      );
      const body = clerkEvent();
      expect((await post(webhookId, body, signedHeaders(body, { secret: CLERK_SECRET }))).json).toEqual({
        received: true,
      });
      await expectAcceptedRow(webhookId, "previous");
    });

    it("rejects a signature made with the previous secret after the grace period as signature_from_expired_secret", async () => {
      const webhookId = await activeWebhook(CLERK_SECRET);
      await saveSigningSecret(
        db,
        tenant,
        webhookId,
        { provider: "clerk", secret: OTHER_SECRET },
        new Date(Date.now() - SECRET_GRACE_MS - 60 * 60_000),
      );
      const body = clerkEvent();
      const message = expectError(
        await post(webhookId, body, signedHeaders(body, { secret: CLERK_SECRET })),
        401,
        "signature_from_expired_secret",
      );
      expect(message).toContain("grace period has ended");
      await expectRejectedRow(webhookId, 401, "signature_from_expired_secret");
    });
  });
});

describe("webhook lookup and state", () => {
  it("answers 409 webhook_inactive for a freshly created webhook without a secret, and records it", async () => {
    const webhook = await createWebhook(db, tenant);
    const body = clerkEvent();
    expectError(await post(webhook.id, body, signedHeaders(body)), 409, "webhook_inactive");
    const row = await expectRejectedRow(webhook.id, 409, "webhook_inactive");
    expect(row.body).toBe(body);
  });

  it("answers 409 webhook_inactive for a deactivated webhook even when correctly signed", async () => {
    const webhookId = await activeWebhook();
    await setWebhookActive(db, tenant, webhookId, false);
    const body = clerkEvent();
    expectError(await post(webhookId, body, signedHeaders(body)), 409, "webhook_inactive");
    await expectRejectedRow(webhookId, 409, "webhook_inactive");
  });

  for (const [label, webhookId] of [
    ["well-formed but unknown", "wh_000000000000000000000000"],
    ["malformed", "not-a-webhook"],
    ["path-like", "../../etc/passwd"],
  ]) {
    it(`answers 404 webhook_not_found for a ${label} id and records nothing`, async () => {
      const before = await db.event.count();
      const body = clerkEvent();
      expectError(await post(webhookId, body, signedHeaders(body)), 404, "webhook_not_found");
      expect(await db.event.count()).toBe(before);
    });
  }

  it("answers GET with 405 and Allow: POST, recording nothing", async () => {
    const webhookId = await activeWebhook();
    const response = await fetch(ingestUrl(webhookId));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
    expect(await eventsOf(webhookId)).toHaveLength(0);
  });
});

describe("body size limit", () => {
  /** A JSON object of exactly `size` bytes. */
  function jsonOfSize(size: number): string {
    const shell = JSON.stringify({ type: "user.created", object: "event", pad: "" });
    const body = JSON.stringify({ type: "user.created", object: "event", pad: "x".repeat(size - shell.length) });
    expect(Buffer.byteLength(body)).toBe(size);
    return body;
  }

  it("refuses a body one byte over 256 KiB with 413, keeping at most 4096 bytes of it", async () => {
    const webhookId = await activeWebhook();
    const body = jsonOfSize(MAX_BODY_BYTES + 1);
    expectError(await post(webhookId, body, signedHeaders(body)), 413, "payload_too_large");
    const row = await expectRejectedRow(webhookId, 413, "payload_too_large");
    expect(Buffer.byteLength(row.body)).toBeLessThanOrEqual(REJECTED_BODY_BYTES);
    expect(body.startsWith(row.body)).toBe(true);
    expect(row.bodySize).toBeGreaterThan(MAX_BODY_BYTES);
    expect(row.bodyTruncated).toBe(true);
  });

  it("refuses an oversized body from its declared Content-Length", async () => {
    const webhookId = await activeWebhook();
    const body = jsonOfSize(MAX_BODY_BYTES + 1000);
    const headers = { ...signedHeaders(body), "content-length": String(MAX_BODY_BYTES + 1000) };
    const message = expectError(await post(webhookId, body, headers), 413, "payload_too_large");
    expect(message).toContain(`${MAX_BODY_BYTES + 1000} bytes`);
    const row = await expectRejectedRow(webhookId, 413, "payload_too_large");
    expect(row).toMatchObject({ bodySize: MAX_BODY_BYTES + 1000, bodyTruncated: true });
    expect(Buffer.byteLength(row.body)).toBeLessThanOrEqual(REJECTED_BODY_BYTES);
  });

  it("accepts a signed body of exactly 256 KiB", async () => {
    const webhookId = await activeWebhook();
    const body = jsonOfSize(MAX_BODY_BYTES);
    const answer = await post(webhookId, body, signedHeaders(body));
    expect(answer.json).toEqual({ received: true });
    const row = await expectAcceptedRow(webhookId);
    expect(row.bodySize).toBe(MAX_BODY_BYTES);
    expect(row.body).toBe(body);
  });

  it("refuses a body streamed without Content-Length once it passes 256 KiB", async () => {
    const webhookId = await activeWebhook();
    const chunk = new Uint8Array(64 * 1024).fill(0x78);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Five 64 KiB chunks = 320 KiB; the reader should stop after the fifth.
        if (sent++ < 5) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const request = new Request(ingestUrl(webhookId), {
      method: "POST",
      body: stream,
      headers: signedHeaders("x"),
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    expect(request.headers.get("content-length")).toBeNull();
    const response = await fetch(request);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
    const row = await expectRejectedRow(webhookId, 413, "payload_too_large");
    expect(row.body).toBe("x".repeat(REJECTED_BODY_BYTES));
    // Over TCP the chunks arrive in sizes of the network's choosing: reading stops within the chunk that
    // passes the limit, and what was read is recorded.
    expect(row.bodySize).toBeGreaterThan(MAX_BODY_BYTES);
    expect(row.bodySize).toBeLessThanOrEqual(5 * 64 * 1024);
    expect(row.bodyTruncated).toBe(true);
  });
});

describe("duplicates", () => {
  it("answers a repeated svix-id with {received, duplicate} and stores one accepted event", async () => {
    const webhookId = await activeWebhook();
    const body = clerkEvent();
    const headers = signedHeaders(body, { id: "msg_repeat_1" });
    expect((await post(webhookId, body, headers)).json).toEqual({ received: true });
    const second = await post(webhookId, body, headers);
    expect(second.status).toBe(200);
    expect(second.json).toEqual({ received: true, duplicate: true });

    const accepted = await db.event.findMany({ where: { webhookId, outcome: "accepted" } });
    expect(accepted).toHaveLength(1);
    expect(accepted[0].duplicateCount).toBe(1);
    const duplicates = await db.event.findMany({ where: { webhookId, outcome: "duplicate" } });
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ reasonCode: "duplicate_svix_id", svixId: "msg_repeat_1", dedupeKey: null });
    const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(webhook.eventCount).toBe(1);
  });

  it("stores exactly one accepted event when 20 identical deliveries arrive at once", async () => {
    const webhookId = await activeWebhook();
    const body = clerkEvent();
    const headers = signedHeaders(body, { id: "msg_concurrent_1" });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(webhookId, body, headers)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(answers.filter((answer) => answer.json.duplicate !== true)).toHaveLength(1);
    const accepted = await db.event.findMany({ where: { webhookId, outcome: "accepted" } });
    expect(accepted).toHaveLength(1);
    expect(accepted[0].duplicateCount).toBe(19);
    expect(await db.event.count({ where: { webhookId, outcome: "duplicate" } })).toBe(19);
    const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(webhook.eventCount).toBe(1);
  });

  it("treats the same svix-id on two different webhooks as two events", async () => {
    const first = await activeWebhook();
    const second = await activeWebhook();
    const body = clerkEvent();
    const headers = signedHeaders(body, { id: "msg_shared_1" });
    expect((await post(first, body, headers)).json).toEqual({ received: true });
    expect((await post(second, body, headers)).json).toEqual({ received: true });
    await expectAcceptedRow(first);
    await expectAcceptedRow(second);
  });
});

describe("payload shape", () => {
  for (const [label, body] of [
    ["a JSON array", '[{"type":"user.created"}]'],
    ["a JSON string", '"user.created"'],
    ["a JSON number", "42"],
    ["invalid JSON", '{"type": "user.created",'],
  ]) {
    it(`refuses a correctly signed body that is ${label} with 400 invalid_payload`, async () => {
      const webhookId = await activeWebhook();
      expectError(await post(webhookId, body, signedHeaders(body)), 400, "invalid_payload");
      const row = await expectRejectedRow(webhookId, 400, "invalid_payload");
      expect(row.body).toBe(body);
    });
  }
});

describe("what an accepted event stores", () => {
  it("stores the raw body byte-for-byte, the svix id, type, object, redacted headers and receivedAt", async () => {
    const webhookId = await activeWebhook();
    const body =
      '{ "type" : "user.updated",\n\t"object":"event",  "data": {"name": "Zoë 🚀 \\u00e9", "n": 1.50 }  }\r\n';
    const headers: Record<string, string> = {
      ...signedHeaders(body, { id: "msg_exact_body" }),
      "x-forwarded-for": "203.0.113.7, 10.0.0.1",
      cookie: "session=secret",
    };
    const signatureText = headers["svix-signature"].slice(3);
    const before = new Date();
    expect((await post(webhookId, body, headers)).json).toEqual({ received: true });
    const after = new Date();

    const row = await expectAcceptedRow(webhookId);
    expect(row.body).toBe(body);
    expect(row.bodySize).toBe(Buffer.byteLength(body));
    expect(row).toMatchObject({
      svixId: "msg_exact_body",
      dedupeKey: "msg_exact_body",
      eventType: "user.updated",
      eventObject: "event",
      bodyTruncated: false,
      sourceIp: "203.0.113.7",
      duplicateCount: 0,
    });
    expect(row.receivedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(row.receivedAt.getTime()).toBeLessThanOrEqual(after.getTime());

    const stored = JSON.parse(row.headers);
    expect(stored["svix-signature"]).toBe("v1,[redacted]");
    expect(stored["svix-id"]).toBe("msg_exact_body");
    expect(stored.cookie).toBeUndefined();
    expect(JSON.stringify(row)).not.toContain(signatureText);
    expect(JSON.stringify(row)).not.toContain("session=secret");

    const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(webhook.eventCount).toBe(1);
    expect(webhook.lastEventAt?.getTime()).toBe(row.receivedAt.getTime());
  });
});

describe("bounded log of rejected requests", () => {
  afterEach(() => {
    delete process.env.HOOKBELL_REJECTED_LOG_LIMIT;
    resetEnvForTests();
  });

  it("keeps only the newest HOOKBELL_REJECTED_LOG_LIMIT rejected rows per webhook", async () => {
    process.env.HOOKBELL_REJECTED_LOG_LIMIT = "10";
    resetEnvForTests();
    expect(getEnv().HOOKBELL_REJECTED_LOG_LIMIT).toBe(10);
    const webhookId = await activeWebhook();
    const other = await activeWebhook();
    const body = clerkEvent();
    const bad = (id: string) => ({ ...signedHeaders(body, { id }), "svix-signature": "v1,bm90IGEgc2lnbmF0dXJl" });

    for (let i = 0; i < 25; i++) {
      expect((await post(webhookId, body, bad(`msg_bad_${String(i).padStart(2, "0")}`))).status).toBe(401);
    }
    await post(other, body, bad("msg_other_webhook"));

    const kept = await db.event.findMany({ where: { webhookId, outcome: "rejected" }, orderBy: { id: "asc" } });
    expect(kept.map((row) => row.svixId)).toEqual(Array.from({ length: 10 }, (_, i) => `msg_bad_${15 + i}`));
    expect(await db.event.count({ where: { webhookId: other } })).toBe(1);
  });

  it("never trims accepted events", async () => {
    process.env.HOOKBELL_REJECTED_LOG_LIMIT = "10";
    resetEnvForTests();
    const webhookId = await activeWebhook();
    for (let i = 0; i < 12; i++) {
      const body = clerkEvent();
      expect((await post(webhookId, body, signedHeaders(body))).status).toBe(200);
    }
    for (let i = 0; i < 12; i++) {
      await post(webhookId, "{}", { "svix-id": `msg_junk_${i}` });
    }
    expect(await db.event.count({ where: { webhookId, outcome: "accepted" } })).toBe(12);
    expect(await db.event.count({ where: { webhookId, outcome: "rejected" } })).toBe(10);
  });
});

// SQLite's write lock; on PostgreSQL, tests/faults/postgres-stopped.test.ts covers the database being unavailable.
describe.skipIf(isPostgresRun)("database unavailable (SQLite write lock)", () => {
  it("answers 503 storage_unavailable with Retry-After while another connection holds a write lock", async () => {
    const webhookId = await activeWebhook();
    const body = clerkEvent();
    const headers = signedHeaders(body, { id: "msg_during_lock" });
    const lock = new Database(sqliteFilePath(getEnv().DATABASE_URL));
    let answer: Answer;
    try {
      lock.exec("BEGIN EXCLUSIVE");
      answer = await post(webhookId, body, headers);
    } finally {
      lock.exec("ROLLBACK");
      lock.close();
    }
    expectError(answer, 503, "storage_unavailable");
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(await eventsOf(webhookId)).toHaveLength(0);

    // Once the database is free again, the sender's retry is stored.
    expect((await post(webhookId, body, headers)).json).toEqual({ received: true });
    await expectAcceptedRow(webhookId);
  });
});
