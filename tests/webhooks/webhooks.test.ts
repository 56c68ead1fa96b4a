import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ingestRequest } from "@/lib/ingest/ingest-request";
import { getEvent } from "@/lib/log/get-event";
import { listEvents, listEventTypes } from "@/lib/log/list-events";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { SECRET_GRACE_MS, saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { renameWebhook, setWebhookActive } from "@/lib/webhooks/update-webhook";
import { webhookSecrets } from "../helpers/secrets";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

let db: Db;
let tenant: Tenant;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
});

function secretOfBytes(length: number): string {
  return `whsec_${randomBytes(length).toString("base64")}`;
}

async function connected(owner: Tenant, secret = CLERK_SECRET) {
  const webhook = await createWebhook(db, owner);
  return saveSigningSecret(db, owner, webhook.id, { provider: "clerk", secret });
}

/** Delivers one signed event through the ingest core, as the route would. */
async function deliver(webhookId: string, type = "user.created", secret = CLERK_SECRET) {
  const body = clerkEvent(type);
  const result = await ingestRequest(db, {
    webhookId,
    method: "POST",
    headers: new Headers(signedHeaders(body, { secret })),
    body: (async function* () {
      yield Buffer.from(body);
    })(),
  });
  expect(result.status).toBe(200);
  return body;
}

async function expectNotFound(attempt: Promise<unknown>, what = "Webhook") {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: "not_found", message: `${what} not found.`, status: 404 });
}

describe("createWebhook", () => {
  it("creates an inactive webhook without a secret, with a public id and ingest URL", async () => {
    const webhook = await createWebhook(db, tenant);
    expect(webhook.id).toMatch(/^wh_[0-9A-Za-z]{24}$/);
    expect(webhook).toMatchObject({
      isActive: false,
      provider: null,
      secretHint: null,
      eventCount: 0,
      lastEventAt: null,
      url: `http://hookbell.test/api/ingest/${webhook.id}`,
    });
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row).toMatchObject({ projectId: tenant.projectId, isActive: false, signingSecret: null });
  });

  it("gives each webhook a random readable name and a distinct id", async () => {
    const webhooks = await Promise.all(Array.from({ length: 8 }, () => createWebhook(db, tenant)));
    for (const webhook of webhooks) expect(webhook.name).toMatch(/^[a-z]+-[a-z]+-\d{3}$/);
    expect(new Set(webhooks.map((webhook) => webhook.id)).size).toBe(8);
    expect(new Set(webhooks.map((webhook) => webhook.name)).size).toBeGreaterThan(1);
  });

  it("uses a given name, trimmed", async () => {
    expect((await createWebhook(db, tenant, "  Production users  ")).name).toBe("Production users");
  });
});

describe("renameWebhook", () => {
  it("renames and trims", async () => {
    const webhook = await createWebhook(db, tenant);
    expect((await renameWebhook(db, tenant, webhook.id, "  Billing  ")).name).toBe("Billing");
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).name).toBe("Billing");
  });

  for (const [label, name, message] of [
    ["an empty", "", "Give the webhook a name."],
    ["a blank", "    ", "Give the webhook a name."],
    ["an 81-character", "n".repeat(81), "Keep the name to 80 characters or fewer."],
  ]) {
    it(`refuses ${label} name with "${message}" and keeps the old one`, async () => {
      const webhook = await createWebhook(db, tenant, "Original");
      const attempt = renameWebhook(db, tenant, webhook.id, name);
      await expect(attempt).rejects.toBeInstanceOf(ZodError);
      await expect(attempt).rejects.toThrow(message);
      expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).name).toBe("Original");
    });
  }

  it("accepts a name of exactly 80 characters", async () => {
    const webhook = await createWebhook(db, tenant);
    expect((await renameWebhook(db, tenant, webhook.id, "n".repeat(80))).name).toHaveLength(80);
  });
});

describe("saveSigningSecret", () => {
  it("stores a valid secret, connects the provider and activates the webhook", async () => {
    const webhook = await createWebhook(db, tenant);
    const saved = await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: `  ${CLERK_SECRET}\n` });
    expect(saved).toMatchObject({
      isActive: true,
      provider: "clerk",
      providerName: "Clerk",
      secretHint: "whsec_…LaSw",
    });
    expect(saved.secretUpdatedAt).toBeInstanceOf(Date);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row).toMatchObject({ isActive: true, previousSigningSecret: null });
    expect(row.signingSecret).toMatch(/^enc:v1:/);
    expect(webhookSecrets(row).signingSecret).toBe(CLERK_SECRET);
  });

  it("accepts secrets of 24 and of 64 bytes", async () => {
    for (const secret of [secretOfBytes(24), secretOfBytes(64)]) {
      const webhook = await createWebhook(db, tenant);
      expect(
        (await saveSigningSecret(db, tenant, webhook.id, { provider: "standard-webhooks", secret })).isActive,
      ).toBe(true);
    }
  });

  const invalid: [string, string, string][] = [
    ["without the whsec_ prefix", CLERK_SECRET.slice(6), "A signing secret starts with whsec_"],
    ["whose body is not base64", "whsec_MfKQ9r8GKYqrTwjU$D8ILPZIo2La-aSw", "must be base64"],
    ["whose base64 is cut off", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", "not valid base64"],
    ["of 23 bytes (too short)", secretOfBytes(23), "decodes to 23 bytes; a signing secret has 24 to 64"],
    ["of 65 bytes (too long)", secretOfBytes(65), "decodes to 65 bytes; a signing secret has 24 to 64"],
    ["that is empty", "", "Enter the signing secret."],
  ];
  for (const [label, secret, message] of invalid) {
    it(`refuses a secret ${label} with a clear message, leaving the webhook inactive`, async () => {
      const webhook = await createWebhook(db, tenant);
      const attempt = saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret });
      await expect(attempt).rejects.toBeInstanceOf(ZodError);
      await expect(attempt).rejects.toThrow(message);
      const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
      expect(row).toMatchObject({ signingSecret: null, isActive: false, provider: null });
    });
  }

  it("refuses an unknown provider", async () => {
    const webhook = await createWebhook(db, tenant);
    await expect(
      saveSigningSecret(db, tenant, webhook.id, { provider: "no-such-sender", secret: CLERK_SECRET }),
    ).rejects.toThrow("Choose an application to connect.");
  });

  it("refuses settings for a sender that has none, saving nothing, and takes an empty object as none", async () => {
    const webhook = await createWebhook(db, tenant);
    await expect(
      saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET, settings: { a: "b" } }),
    ).rejects.toThrow("Clerk has no settings to save.");
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row).toMatchObject({ signingSecret: null, provider: null, senderConfig: null });
    const saved = await saveSigningSecret(db, tenant, webhook.id, {
      provider: "clerk",
      secret: CLERK_SECRET,
      settings: {},
    });
    expect(saved).toMatchObject({ provider: "clerk", senderSettings: null });
  });

  it("keeps the replaced secret for 24 hours and shows it only masked", async () => {
    const webhook = await connected(tenant, CLERK_SECRET);
    const now = new Date();
    const rotated = await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: OTHER_SECRET }, now);
    expect(rotated).toMatchObject({ secretHint: "whsec_…b7oD", previousSecretHint: "whsec_…LaSw" });
    expect(rotated.previousSecretExpiresAt?.getTime()).toBe(now.getTime() + SECRET_GRACE_MS);
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(webhookSecrets(row)).toEqual({ signingSecret: OTHER_SECRET, previousSigningSecret: CLERK_SECRET });
  });

  it("hides the previous secret's hint once its grace period is over", async () => {
    const webhook = await connected(tenant, CLERK_SECRET);
    const longAgo = new Date(Date.now() - SECRET_GRACE_MS - 1000);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: OTHER_SECRET }, longAgo);
    expect(await getWebhook(db, tenant, webhook.id)).toMatchObject({
      previousSecretHint: null,
      previousSecretExpiresAt: null,
    });
  });

  it("does not treat saving the same secret again as a rotation", async () => {
    const webhook = await connected(tenant, CLERK_SECRET);
    const again = await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
    expect(again.previousSecretHint).toBeNull();
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row.previousSigningSecret).toBeNull();
  });

  it("never returns a full secret from getWebhook or listWebhooks, current or previous", async () => {
    const owner = await seedTenant(db);
    const webhook = await connected(owner, CLERK_SECRET);
    await saveSigningSecret(db, owner, webhook.id, { provider: "clerk", secret: OTHER_SECRET });
    const views = JSON.stringify([await getWebhook(db, owner, webhook.id), await listWebhooks(db, owner)]);
    for (const secret of [CLERK_SECRET, OTHER_SECRET]) {
      const base64 = secret.slice("whsec_".length);
      expect(views).not.toContain(secret);
      expect(views).not.toContain(base64.slice(0, 12));
      expect(views).toContain(`whsec_…${secret.slice(-4)}`);
    }
  });
});

describe("setWebhookActive", () => {
  it("refuses to activate a webhook without a secret", async () => {
    const webhook = await createWebhook(db, tenant);
    const attempt = setWebhookActive(db, tenant, webhook.id, true);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "conflict",
      message: "Connect an application and save its signing secret before activating.",
    });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).isActive).toBe(false);
  });

  it("deactivates and reactivates a webhook with a secret", async () => {
    const webhook = await connected(tenant);
    expect((await setWebhookActive(db, tenant, webhook.id, false)).isActive).toBe(false);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).isActive).toBe(false);
    expect((await setWebhookActive(db, tenant, webhook.id, true)).isActive).toBe(true);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).isActive).toBe(true);
  });
});

describe("deleteWebhook", () => {
  it("deletes the webhook and every request logged for it, leaving other webhooks' events", async () => {
    const doomed = await connected(tenant);
    const kept = await connected(tenant);
    await deliver(doomed.id);
    await deliver(doomed.id);
    await deliver(kept.id);
    expect(await db.event.count({ where: { webhookId: doomed.id } })).toBe(2);

    await deleteWebhook(db, tenant, doomed.id);

    expect(await db.webhook.findUnique({ where: { id: doomed.id } })).toBeNull();
    expect(await db.event.count({ where: { webhookId: doomed.id } })).toBe(0);
    expect(await db.event.count({ where: { webhookId: kept.id } })).toBe(1);
    await expectNotFound(getWebhook(db, tenant, doomed.id));
  });

  it("reports not_found for a webhook that does not exist", async () => {
    await expectNotFound(deleteWebhook(db, tenant, "wh_000000000000000000000000"));
  });
});

describe("cross-account isolation", () => {
  let owner: Tenant;
  let intruder: Tenant;
  let webhookId: string;
  let eventId: string;
  let intruderEventId: string;

  beforeAll(async () => {
    owner = await seedTenant(db);
    intruder = await seedTenant(db);
    const webhook = await connected(owner);
    webhookId = (await renameWebhook(db, owner, webhook.id, "Owner's webhook")).id;
    await deliver(webhookId, "owner.secret_type");
    eventId = (await db.event.findFirstOrThrow({ where: { webhookId } })).id;
    const own = await connected(intruder);
    await deliver(own.id, "intruder.type");
    intruderEventId = (await db.event.findFirstOrThrow({ where: { webhookId: own.id } })).id;
  });

  function ownerState() {
    return Promise.all([
      db.webhook.findUniqueOrThrow({ where: { id: webhookId } }),
      db.event.findMany({ where: { webhookId }, orderBy: { id: "asc" } }),
    ]);
  }

  it("answers not_found to another account for every webhook operation, changing nothing", async () => {
    const before = await ownerState();
    await expectNotFound(getWebhook(db, intruder, webhookId));
    await expectNotFound(renameWebhook(db, intruder, webhookId, "Stolen"));
    await expectNotFound(setWebhookActive(db, intruder, webhookId, false));
    await expectNotFound(setWebhookActive(db, intruder, webhookId, true));
    await expectNotFound(saveSigningSecret(db, intruder, webhookId, { provider: "clerk", secret: OTHER_SECRET }));
    await expectNotFound(deleteWebhook(db, intruder, webhookId));
    expect(await ownerState()).toEqual(before);
    expect(before[0]).toMatchObject({ name: "Owner's webhook", isActive: true });
    expect(webhookSecrets(before[0]).signingSecret).toBe(CLERK_SECRET);
  });

  it("lists only the caller's own webhooks", async () => {
    const mine = await listWebhooks(db, intruder);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((webhook) => webhook.id)).not.toContain(webhookId);
    const rows = await db.webhook.findMany({ where: { id: { in: mine.map((webhook) => webhook.id) } } });
    expect(rows.every((row) => row.projectId === intruder.projectId)).toBe(true);
    expect((await listWebhooks(db, owner)).map((webhook) => webhook.id)).toEqual([webhookId]);
  });

  it("never returns another project's events from listEvents, even filtered by its webhook id", async () => {
    expect((await listEvents(db, intruder, {})).events.map((event) => event.id)).toEqual([intruderEventId]);
    expect((await listEvents(db, intruder, { webhookId })).events).toEqual([]);
    expect((await listEvents(db, intruder, { type: "owner.secret_type" })).events).toEqual([]);
    const own = await listEvents(db, owner, {});
    expect(own.events.map((event) => event.id)).toEqual([eventId]);
  });

  it("answers not_found from getEvent for another project's event", async () => {
    await expectNotFound(getEvent(db, intruder, eventId), "Event");
    expect((await getEvent(db, owner, eventId)).eventType).toBe("owner.secret_type");
  });

  it("never lists another project's event types", async () => {
    expect(await listEventTypes(db, intruder)).toEqual(["intruder.type"]);
    expect(await listEventTypes(db, owner)).toEqual(["owner.secret_type"]);
  });
});
