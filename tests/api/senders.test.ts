import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookSecretField } from "@/lib/crypto/sealed-fields";
import { open } from "@/lib/crypto/secret-box";
import type { AnySender } from "@/lib/senders/sender";
import { SENDERS } from "@/lib/senders/senders";
import { killServers } from "../helpers/load";
import { CLERK_SECRET } from "../helpers/signing";
import { type ApiHarness, type OpenApi, startApiHarness } from "./api-harness";

// The senders over HTTP: the list the Connect picker is built from, the sender ids `provider` takes, and
// settings saved with the secret. Every answer is validated against the served OpenAPI document.

// biome-ignore lint/suspicious/noExplicitAny: answers are checked against the OpenAPI schema; tests read fields freely
type Json = Record<string, any>;

let api: ApiHarness;
let key: string;
let document: OpenApi;

beforeAll(async () => {
  api = await startApiHarness();
  ({ key } = await api.newProject());
  document = (await (await fetch(`${api.url}/api/v1/openapi.json`)).json()) as OpenApi;
});

afterAll(killServers);

/** The settings the Connect panel starts a sender on (each field's default). */
function defaultSettings(sender: AnySender): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const field of sender.settingsFields ?? []) {
    if (field.defaultValue === undefined) continue;
    settings[field.name] = field.type === "number" ? Number(field.defaultValue) : field.defaultValue;
  }
  return settings;
}

describe("GET /api/v1/senders", () => {
  it("lists every registered sender in the picker's order, with its steps, secret words, settings and events", async () => {
    const answer = await api.call("GET", "/senders", { key });
    expect(answer.status).toBe(200);
    const data = (answer.json as Json).data as Json[];
    expect(data.map((sender) => sender.id)).toEqual(SENDERS.map((sender) => sender.id));
    const clerk = data.find((sender) => sender.id === "clerk") as Json;
    expect(clerk).toMatchObject({
      name: "Clerk",
      category: "auth",
      docs_url: "https://clerk.com/docs/webhooks/overview",
      secret: { label: "Signing secret", placeholder: "whsec_…" },
      idempotency: expect.stringContaining("svix-id"),
      settings: [],
    });
    expect(clerk.url_help.length).toBeGreaterThan(0);
    expect(clerk.secret.help).toContain("Signing Secret");
    expect(clerk.events.flatMap((group: Json) => group.types.map((entry: Json) => entry.type))).toContain(
      "user.created",
    );
    for (const sender of data) {
      const registered = SENDERS.find((entry) => entry.id === sender.id) as AnySender;
      expect(sender.settings.map((field: Json) => field.name)).toEqual(
        (registered.settingsFields ?? []).map((field) => field.name),
      );
      if (registered.idempotency === null) expect(sender.idempotency_note).toContain("sends no delivery id");
    }
  });

  it("needs an API key", async () => {
    expect((await api.call("GET", "/senders")).status).toBe(401);
  });
});

describe("a webhook's provider", () => {
  it("is documented as an enum of the registered sender ids", () => {
    const body = document.paths["/webhooks"].post.requestBody?.content["application/json"].schema as Json;
    expect(body.properties.provider.enum).toEqual(SENDERS.map((sender) => sender.id));
    const update = document.paths["/webhooks/{webhookId}"].patch.requestBody?.content["application/json"]
      .schema as Json;
    expect(update.properties.provider.enum).toEqual(SENDERS.map((sender) => sender.id));
    expect(update.properties.sender_settings.type).toBe("object");
  });

  it("refuses an unknown sender id naming the provider field, and creates nothing", async () => {
    const before = await api.db.webhook.count();
    const refused = await api.call("POST", "/webhooks", {
      key,
      body: { provider: "mailchimp", signing_secret: CLERK_SECRET },
    });
    expect(refused.status).toBe(422);
    const error = (refused.json as Json).error;
    expect(error.code).toBe("validation_failed");
    expect(error.fields.map((field: Json) => field.path)).toContain("provider");
    expect(error.message).toContain(`provider: Choose an application to connect: ${SENDERS[0].id}`);
    expect(await api.db.webhook.count()).toBe(before);
  });
});

describe("sender_settings", () => {
  it("refuses settings for a sender that has none, naming the field, and changes nothing", async () => {
    const created = await api.call("POST", "/webhooks", { key });
    const webhookId = (created.json as Json).id;
    const refused = await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { provider: "clerk", signing_secret: CLERK_SECRET, sender_settings: { header: "x-signature" } },
    });
    expect(refused.status).toBe(422);
    expect((refused.json as Json).error.fields).toEqual([
      { path: "sender_settings", message: "Clerk has no settings; leave sender_settings out." },
    ]);
    const row = await api.db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(row.signingSecret).toBeNull();
    expect(row.provider).toBeNull();

    // Connected, then the same mistake without naming the provider: checked against the connected sender.
    await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { provider: "clerk", signing_secret: CLERK_SECRET },
    });
    const again = await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { signing_secret: CLERK_SECRET, sender_settings: { header: "x-signature" } },
    });
    expect(again.status).toBe(422);
    expect((again.json as Json).error.fields[0].path).toBe("sender_settings");

    // An empty object is no settings at all.
    const empty = await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { signing_secret: CLERK_SECRET, sender_settings: {} },
    });
    expect(empty.status).toBe(200);
    expect((empty.json as Json).sender_settings).toBeNull();
  });

  it("are only taken with the signing secret they are saved with", async () => {
    const created = await api.call("POST", "/webhooks", { key });
    const refused = await api.call("PATCH", `/webhooks/${(created.json as Json).id}`, {
      key,
      body: { sender_settings: {} },
    });
    expect(refused.status).toBe(422);
    expect((refused.json as Json).error.fields).toEqual([
      {
        path: "sender_settings",
        message: "Send sender_settings together with the signing secret; they are saved with it.",
      },
    ]);
  });

  const configured = SENDERS.find((sender) => sender.config && sender.settingsFields?.length);

  it("round-trip for a sender with settings: saved with the secret, answered on GET, the secret never", async () => {
    if (!configured) throw new Error("no registered sender has settings");
    const sender: AnySender = configured;
    const secret = `whsec_${randomBytes(32).toString("base64")}`;
    const settings = defaultSettings(sender);
    const created = await api.call("POST", "/webhooks", {
      key,
      body: { provider: sender.id, signing_secret: secret, sender_settings: settings },
    });
    expect(created.status, created.text).toBe(201);
    const webhookId = (created.json as Json).id;
    const got = await api.call("GET", `/webhooks/${webhookId}`, { key });
    expect((got.json as Json).provider).toBe(sender.id);
    expect((got.json as Json).sender_settings).toEqual(sender.config?.parse(settings));
    expect(got.text).not.toContain(secret.slice(8));
    const row = await api.db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(open(row.signingSecret as string, webhookSecretField(webhookId, "signingSecret"))).toBe(secret);
  });

  it("are answered as null for a sender without settings", async () => {
    const created = await api.call("POST", "/webhooks", {
      key,
      body: { provider: "standard-webhooks", signing_secret: CLERK_SECRET },
    });
    expect(created.status).toBe(201);
    expect((created.json as Json).sender_settings).toBeNull();
    expect(created.text).not.toContain(CLERK_SECRET.slice(6));
  });
});
