import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/list-audit";
import { webhookSecretField } from "@/lib/crypto/sealed-fields";
import { open } from "@/lib/crypto/secret-box";
import { killServers } from "../helpers/load";
import { CLERK_SECRET, OTHER_SECRET } from "../helpers/signing";
import { type ApiHarness, startApiHarness } from "./api-harness";

// Webhooks and their channels over HTTP, every answer validated against the served OpenAPI document.

const SLACK_URL = "https://hooks.slack.com/services/T0API0000/B0API0000/apiSecretPart0000000wxyz";
const OTHER_SLACK_URL = "https://hooks.slack.com/services/T0API0000/B0API0001/otherSecretPart000000abcd";

let api: ApiHarness;
let key: string;
let tenant: Awaited<ReturnType<ApiHarness["newProject"]>>["tenant"];

beforeAll(async () => {
  api = await startApiHarness();
  ({ key, tenant } = await api.newProject());
});

afterAll(killServers);

// biome-ignore lint/suspicious/noExplicitAny: answers are checked against the OpenAPI schema; tests read fields freely
type Json = Record<string, any>;

describe("webhooks", () => {
  let webhookId = "";

  it("creates a webhook inactive by default, with a generated name and the production label", async () => {
    const created = await api.call("POST", "/webhooks", { key });
    expect(created.status).toBe(201);
    const webhook = created.json as Json;
    expect(webhook).toMatchObject({ is_active: false, environment: "production", secret_hint: null, provider: null });
    expect(webhook.name).toMatch(/^[a-z]+-[a-z]+-\d{3}$/);
    expect(webhook.url).toBe(`${api.url}/api/ingest/${webhook.id}`);
    webhookId = webhook.id;
  });

  it("creates a Clerk webhook with its secret in one request: active, the secret only masked", async () => {
    const created = await api.call("POST", "/webhooks", {
      key,
      body: { name: "Clerk staging", environment: "staging", provider: "clerk", signing_secret: CLERK_SECRET },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: "Clerk staging",
      environment: "staging",
      provider: "clerk",
      provider_name: "Clerk",
      is_active: true,
      secret_hint: `whsec_…${CLERK_SECRET.slice(-4)}`,
    });
    expect(created.text).not.toContain(CLERK_SECRET.slice(6));
    // Stored sealed, and it is the secret that was sent.
    const row = await api.db.webhook.findUniqueOrThrow({ where: { id: (created.json as Json).id } });
    expect(row.signingSecret).not.toContain(CLERK_SECRET.slice(6));
    expect(open(row.signingSecret as string, webhookSecretField(row.id, "signingSecret"))).toBe(CLERK_SECRET);
  });

  it("refuses invalid input with 422 naming every field, and creates nothing", async () => {
    const before = await api.db.webhook.count();
    const refused = await api.call("POST", "/webhooks", {
      key,
      body: { name: "", environment: "pro/duction", provider: "clerk", signing_secret: "sk_live_nope", colour: "red" },
    });
    expect(refused.status).toBe(422);
    const error = (refused.json as Json).error;
    expect(error.code).toBe("validation_failed");
    const paths = error.fields.map((field: Json) => field.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "environment", "signing_secret", ""]));
    expect(error.message).toContain(
      "signing_secret: That is a Clerk secret key (sk_…), not the webhook's signing secret.",
    );
    expect(error.message).not.toContain("nope");
    expect(error.message).toContain("colour");
    // One sentence per field, not "…from Clerk.; name: …".
    expect(error.message).toMatch(/^Invalid request\. /);
    expect(error.message).toContain(`Unrecognized key: "colour". signing_secret: That is`);
    expect(error.message).not.toMatch(/[.!?][;.]/);
    for (const field of error.fields)
      expect(error.message).toContain(`${field.path}: ${field.message}`.replace(/^: /, ""));
    expect(await api.db.webhook.count()).toBe(before);
    const noProvider = await api.call("POST", "/webhooks", { key, body: { signing_secret: CLERK_SECRET } });
    expect(noProvider.status).toBe(422);
    expect((noProvider.json as Json).error.fields).toEqual([{ path: "provider", message: expect.any(String) }]);
  });

  it("lists and gets the project's webhooks", async () => {
    const list = await api.call("GET", "/webhooks", { key });
    expect(list.status).toBe(200);
    const ids = (list.json as Json).data.map((webhook: Json) => webhook.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(webhookId);
    const got = await api.call("GET", `/webhooks/${webhookId}`, { key });
    expect(got.status).toBe(200);
    expect((got.json as Json).id).toBe(webhookId);
    expect((await api.call("GET", "/webhooks/wh_doesNotExist000000000000", { key })).status).toBe(404);
  });

  it("updates name and environment, saves a secret, refuses activation without one, and deactivates", async () => {
    const early = await api.call("PATCH", `/webhooks/${webhookId}`, { key, body: { is_active: true } });
    expect(early.status).toBe(409);
    expect((early.json as Json).error.code).toBe("conflict");

    const renamed = await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { name: "Clerk production", environment: "production" },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: "Clerk production", is_active: false });

    const connected = await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { provider: "clerk", signing_secret: CLERK_SECRET },
    });
    expect(connected.json).toMatchObject({ is_active: true, provider: "clerk", secret_hint: "whsec_…LaSw" });

    // Rotation: the provider already connected is kept; the previous secret stays valid for a day.
    const rotated = await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { signing_secret: OTHER_SECRET, is_active: false },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.json).toMatchObject({
      is_active: false,
      secret_hint: `whsec_…${OTHER_SECRET.slice(-4)}`,
      previous_secret_hint: "whsec_…LaSw",
    });
    expect(rotated.text).not.toContain(OTHER_SECRET.slice(6));

    const bad = await api.call("PATCH", `/webhooks/${webhookId}`, {
      key,
      body: { is_active: "yes", name: "x".repeat(81) },
    });
    expect(bad.status).toBe(422);
    expect((bad.json as Json).error.fields.map((field: Json) => field.path).sort()).toEqual(["is_active", "name"]);

    const actions = (await listAudit(api.db, tenant)).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "webhook.updated",
        "webhook.secret_saved",
        "webhook.secret_replaced",
        "webhook.deactivated",
      ]),
    );
    const entry = (await listAudit(api.db, tenant)).find((candidate) => candidate.action === "webhook.deactivated");
    expect(entry?.actorEmail).toMatch(/via API key “tests” \(hb_live_\w{4}…\)$/);
  });

  it("deletes a webhook (204, then 404)", async () => {
    const created = await api.call("POST", "/webhooks", { key, body: { name: "short-lived" } });
    const id = (created.json as Json).id;
    const deleted = await api.call("DELETE", `/webhooks/${id}`, { key });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe("");
    expect((await api.call("GET", `/webhooks/${id}`, { key })).status).toBe(404);
    expect((await api.call("DELETE", `/webhooks/${id}`, { key })).status).toBe(404);
  });
});

describe("channels", () => {
  let webhookId = "";
  let slackId = "";
  let emailId = "";

  beforeAll(async () => {
    webhookId = ((await api.call("POST", "/webhooks", { key, body: { name: "with-channels" } })).json as Json).id;
  });

  it("adds Slack channels with filters and conditions, one request each; the URL is write-only and shown masked", async () => {
    const created = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: {
        kind: "slack",
        name: "alerts-signups",
        slack_url: SLACK_URL,
        event_types: ["user.created"],
        conditions: { data: { email_addresses: { email_address: { $endsWith: "@acme.com" } } } },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      kind: "slack",
      enabled: true,
      name: "alerts-signups",
      slack_url_hint: "https://hooks.slack.com/services/…wxyz",
      templates: [],
      event_types: ["user.created"],
      conditions: { data: { email_addresses: { email_address: { $endsWith: "@acme.com" } } } },
      webhook_id: webhookId,
    });
    expect(created.text).not.toContain("apiSecretPart");
    slackId = (created.json as Json).id;
    // A second channel of the same kind is a channel of its own.
    const second = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "slack", name: "security", slack_url: OTHER_SLACK_URL, event_types: ["session.revoked"] },
    });
    expect(second.status).toBe(201);
    expect((second.json as Json).id).not.toBe(slackId);

    const hostile = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "slack", slack_url: SLACK_URL, conditions: { data: { $regex: ".*" } } },
    });
    expect(hostile.status).toBe(422);
    expect((hostile.json as Json).error.fields[0].path).toBe("conditions");
  });

  it("adds an email channel with an edited default template, refusing a broken one with part, line and column", async () => {
    const broken = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: {
        kind: "email",
        recipients: ["oncall@example.com"],
        templates: [
          { event_type: "*", template: { title: "New {{eventType}}", body: "<p>{{#if event}}</p>", text: "ok" } },
        ],
      },
    });
    expect(broken.status).toBe(422);
    const field = (broken.json as Json).error.fields[0];
    expect(field.path).toBe("template.body");
    expect(field.message).toMatch(/line 1/);

    const invalid = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "email", recipients: ["not-an-address"], template_preset: "nope", event_types: [] },
    });
    expect(invalid.status).toBe(422);
    const paths = (invalid.json as Json).error.fields.map((problem: Json) => problem.path);
    expect(paths).toEqual(expect.arrayContaining(["recipients", "event_types"]));

    const created = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: {
        kind: "email",
        recipients: ["oncall@example.com", "dev@example.com"],
        templates: [
          {
            event_type: "*",
            preset_id: "generic",
            template: {
              title: "[{{webhook.environment}}] {{eventType}}",
              body: "<p>{{eventType}}</p>",
              text: "{{eventType}}",
            },
          },
        ],
        enabled: false,
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      kind: "email",
      enabled: false,
      recipients: ["oncall@example.com", "dev@example.com"],
      templates: [
        {
          event_type: "*",
          preset_id: "generic",
          edited: true,
          template: {
            title: "[{{webhook.environment}}] {{eventType}}",
            body: "<p>{{eventType}}</p>",
            text: "{{eventType}}",
            facts: "",
          },
        },
      ],
      slack_url_hint: null,
      event_types: null,
    });
    emailId = (created.json as Json).id;
  });

  it("lists and gets channels", async () => {
    const list = await api.call("GET", `/webhooks/${webhookId}/channels`, { key });
    expect((list.json as Json).data.map((channel: Json) => channel.kind)).toEqual(["slack", "slack", "email"]);
    expect((await api.call("GET", `/webhooks/${webhookId}/channels/${slackId}`, { key })).json).toMatchObject({
      id: slackId,
    });
    expect((await api.call("GET", `/webhooks/${webhookId}/channels/ch_missing`, { key })).status).toBe(404);
  });

  it("updates only the fields sent in one audit entry, keeps the saved Slack URL, and refuses a stale edit", async () => {
    const auditBefore = (await listAudit(api.db, tenant)).length;
    const renamed = await api.call("PATCH", `/webhooks/${webhookId}/channels/${slackId}`, {
      key,
      body: { name: "alerts-all", event_types: null, enabled: false, conditions: null },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({
      name: "alerts-all",
      enabled: false,
      event_types: null,
      conditions: null,
      slack_url_hint: "https://hooks.slack.com/services/…wxyz",
    });
    // Name, filter, conditions and the switch: one change, one entry.
    expect((await listAudit(api.db, tenant)).length).toBe(auditBefore + 1);

    const stale = (renamed.json as Json).updated_at;
    const newUrl = await api.call("PATCH", `/webhooks/${webhookId}/channels/${slackId}`, {
      key,
      body: {
        slack_url: OTHER_SLACK_URL,
        templates: [{ event_type: "user.created", template: { body: "{{eventType}} on {{webhook.name}}" } }],
        expected_updated_at: stale,
      },
    });
    expect(newUrl.status).toBe(200);
    expect(newUrl.json).toMatchObject({
      slack_url_hint: "https://hooks.slack.com/services/…abcd",
      enabled: false,
      templates: [{ event_type: "user.created", template: { body: "{{eventType}} on {{webhook.name}}" } }],
    });
    const conflicting = await api.call("PATCH", `/webhooks/${webhookId}/channels/${slackId}`, {
      key,
      body: { name: "overwritten", expected_updated_at: stale },
    });
    expect(conflicting.status).toBe(409);
    expect((await api.call("GET", `/webhooks/${webhookId}/channels/${slackId}`, { key })).json).toMatchObject({
      name: "alerts-all",
    });

    const reset = await api.call("PATCH", `/webhooks/${webhookId}/channels/${slackId}`, {
      key,
      body: { reset_templates: ["user.created"] },
    });
    expect(reset.json).toMatchObject({ templates: [] });

    // The email channel was created off; editing its recipients leaves it off.
    const edited = await api.call("PATCH", `/webhooks/${webhookId}/channels/${emailId}`, {
      key,
      body: { recipients: ["team@example.com"], reset_templates: ["*"] },
    });
    expect(edited.json).toMatchObject({ enabled: false, recipients: ["team@example.com"], templates: [] });
    const on = await api.call("PATCH", `/webhooks/${webhookId}/channels/${emailId}`, { key, body: { enabled: true } });
    expect(on.json).toMatchObject({ enabled: true });

    const wrongKind = await api.call("PATCH", `/webhooks/${webhookId}/channels/${emailId}`, {
      key,
      body: { slack_url: SLACK_URL },
    });
    expect(wrongKind.status).toBe(422);
    expect((wrongKind.json as Json).error.message).toMatch(/no Slack URL/);
  });

  it("deletes a channel (204), after which it is gone", async () => {
    expect((await api.call("DELETE", `/webhooks/${webhookId}/channels/${emailId}`, { key })).status).toBe(204);
    expect((await api.call("GET", `/webhooks/${webhookId}/channels/${emailId}`, { key })).status).toBe(404);
    const list = await api.call("GET", `/webhooks/${webhookId}/channels`, { key });
    expect((list.json as Json).data).toHaveLength(2);
    const actions = (await listAudit(api.db, tenant)).map((entry) => entry.action);
    expect(actions).toContain("channel.deleted");
  });
});

describe("templates", () => {
  it("lists the presets of both kinds", async () => {
    const list = await api.call("GET", "/templates", { key });
    expect(list.status).toBe(200);
    const presets = (list.json as Json).data as Json[];
    expect(presets.filter((preset) => preset.kind === "email").map((preset) => preset.id)).toContain("user-created");
    expect(presets.find((preset) => preset.kind === "slack" && preset.id === "generic")?.template.body).toBeTruthy();
  });

  it("renders a preset and an own template against a sample event, and names the problem of a broken one", async () => {
    const webhookId = ((await api.call("POST", "/webhooks", { key, body: { name: "Preview target" } })).json as Json)
      .id;
    const preset = await api.call("POST", "/templates/preview", {
      key,
      body: { webhook_id: webhookId, kind: "email", template_preset: "user-created" },
    });
    expect(preset.status).toBe(200);
    expect((preset.json as Json).email.subject).toBeTruthy();
    expect((preset.json as Json).slack).toBeNull();
    expect((preset.json as Json).source).toBe("Sample user.created event");

    const own = await api.call("POST", "/templates/preview", {
      key,
      body: {
        webhook_id: webhookId,
        kind: "slack",
        template: { body: "{{eventType}} for {{webhook.name}}" },
        event_type: "session.created",
      },
    });
    expect((own.json as Json).slack.text).toBe("session.created for Preview target");

    const latest = await api.call("POST", "/templates/preview", {
      key,
      body: { webhook_id: webhookId, kind: "slack", source: "latest" },
    });
    expect((latest.json as Json).source).toMatch(/No real event received yet/);

    const broken = await api.call("POST", "/templates/preview", {
      key,
      body: { webhook_id: webhookId, kind: "slack", template: { body: "{{#each}}" } },
    });
    expect(broken.status).toBe(422);
    expect((broken.json as Json).error.fields[0].path).toBe("template.body");

    const missing = await api.call("POST", "/templates/preview", {
      key,
      body: { webhook_id: "wh_unknown", kind: "slack" },
    });
    expect(missing.status).toBe(404);
  });

  it("answers 422 with the reason when a Slack template renders nothing for the event", async () => {
    const webhookId = ((await api.call("POST", "/webhooks", { key, body: { name: "Empty preview" } })).json as Json).id;
    const empty = await api.call("POST", "/templates/preview", {
      key,
      body: { webhook_id: webhookId, kind: "slack", template: { body: "{{#if event.data.nothing}}x{{/if}}" } },
    });
    expect(empty.status).toBe(422);
    expect((empty.json as Json).error.fields[0]).toMatchObject({ path: "template.body" });
    expect((empty.json as Json).error.fields[0].message).toMatch(/empty/);
  });
});

describe("channels of the kinds beyond email and Slack", () => {
  const DISCORD_URL = "https://discord.com/api/webhooks/998877665544332211/apiDiscordToken-abcdefghijklmnop0123";
  const BOT_TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-ra";
  let webhookId = "";

  beforeAll(async () => {
    webhookId = ((await api.call("POST", "/webhooks", { key, body: { name: "more-kinds" } })).json as Json).id;
  });

  it("creates Discord and Telegram channels by their snake_case fields; credentials come back only masked", async () => {
    const discord = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "discord", name: "Signups", url: DISCORD_URL },
    });
    expect(discord.status).toBe(201);
    expect((discord.json as Json).settings.url).toMatch(/^https:\/\/discord\.com\/api\/webhooks\/9988…\/…0123$/);
    expect(discord.text).not.toContain("apiDiscordToken");

    const telegram = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "telegram", bot_token: BOT_TOKEN, chat_id: "-1001234567890" },
    });
    expect(telegram.status).toBe(201);
    expect((telegram.json as Json).settings).toMatchObject({ chat_id: "-1001234567890" });
    expect(telegram.text).not.toContain(BOT_TOKEN.split(":")[1]);

    // A field of another kind, or a malformed credential, is refused by name and creates nothing.
    const before = await api.db.channel.count({ where: { webhookId } });
    const wrongField = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "discord", url: DISCORD_URL, bot_token: BOT_TOKEN },
    });
    expect(wrongField.status).toBe(422);
    const badUrl = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "discord", url: "https://example.com/api/webhooks/1/x" },
    });
    expect(badUrl.status).toBe(422);
    expect(badUrl.text).toContain("discord.com");
    expect(await api.db.channel.count({ where: { webhookId } })).toBe(before);

    const listed = await api.call("GET", `/webhooks/${webhookId}/channels`, { key });
    expect(listed.text).not.toContain("apiDiscordToken");
    expect(listed.text).not.toContain(BOT_TOKEN.split(":")[1]);
  });

  it("answers a signed webhook's create with its signing secret once, and never again", async () => {
    const created = await api.call("POST", `/webhooks/${webhookId}/channels`, {
      key,
      body: { kind: "webhook", name: "n8n", url: "https://automation.example.com/hooks/clerk" },
    });
    expect(created.status).toBe(201);
    const secret = (created.json as Json).revealed?.value as string;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const channelId = (created.json as Json).id;

    const listed = await api.call("GET", `/webhooks/${webhookId}/channels`, { key });
    expect(listed.text).not.toContain(secret.slice(6));
    expect(listed.text).not.toContain("automation.example.com/hooks/clerk");
    const updated = await api.call("PATCH", `/webhooks/${webhookId}/channels/${channelId}`, {
      key,
      body: { name: "n8n (prod)" },
    });
    expect(updated.status).toBe(200);
    expect(updated.text).not.toContain(secret.slice(6));
    expect((updated.json as Json).revealed).toBeUndefined();

    // `url` is a field of several kinds: a signed webhook's new endpoint is judged by its own kind's rules.
    const moved = await api.call("PATCH", `/webhooks/${webhookId}/channels/${channelId}`, {
      key,
      body: { url: "https://automation.example.com/hooks/clerk-v2" },
    });
    expect(moved.status).toBe(200);
    expect((moved.json as Json).settings.url).toMatch(/^https:\/\/automation\.example\.com\/…/);
    const refused = await api.call("PATCH", `/webhooks/${webhookId}/channels/${channelId}`, {
      key,
      body: { url: "http://automation.example.com/hooks" },
    });
    expect(refused.status).toBe(422);
  });
});
