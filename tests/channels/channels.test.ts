import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel, MAX_CHANNELS_PER_WEBHOOK } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/list-channels";
import { previewTemplate } from "@/lib/channels/preview-template";
import { slackUrlProblem } from "@/lib/channels/slack-url";
import { updateChannel } from "@/lib/channels/update-channel";
import { TemplateProblemsError } from "@/lib/channels/vet-templates";
import type { Db } from "@/lib/db/client";
import type { AlertTemplate } from "@/lib/templates/alert-template";
import { getPreset, presetForEvent } from "@/lib/templates/presets";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { channelSlackUrl } from "../helpers/secrets";
import { openTestDb, seedTenant } from "../helpers/test-db";

let db: Db;
let tenant: Tenant;
const SLACK_URL = "https://hooks.slack.com/services/T000AAAA/B000BBBB/abcdefghijklmnopqrstuvwx";
const slackPreset = () => presetForEvent("slack", "user.created").template;
const emailPreset = () => presetForEvent("email", "user.created").template;
const asDefault = (template: AlertTemplate, presetId: string | null = null) => [{ eventType: "*", presetId, template }];
const slackText = (body: string): AlertTemplate => ({ title: "", body, text: "", facts: "" });

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
});

async function newWebhook() {
  return (await createWebhook(db, tenant)).id;
}

describe("Slack URLs", () => {
  it.each([
    ["http://hooks.slack.com/services/T1/B1/x", /https/],
    ["https://example.com/services/T1/B1/x", /Only hooks\.slack\.com/],
    ["https://hooks.slack.com.evil.com/services/T1/B1/x", /Only hooks\.slack\.com/],
    ["https://user:pw@hooks.slack.com/services/T1/B1/x", /user, password or port/],
    ["https://hooks.slack.com:8443/services/T1/B1/x", /user, password or port/],
    ["https://hooks.slack.com/workflows/T1/B1/x", /incoming webhook under \/services\//],
    ["https://hooks.slack.com/services/T1/B1/x?redirect=1", /incoming webhook under \/services\//],
    ["not a url", /not a URL/],
  ])("refuses %s with a clear message", (url, message) => {
    expect(slackUrlProblem(url)).toMatch(message);
  });

  it("accepts an incoming-webhook URL", () => {
    expect(slackUrlProblem(SLACK_URL)).toBeNull();
  });

  it("never hands the saved URL back: the channel view shows only a mask", async () => {
    const webhookId = await newWebhook();
    const channelId = await createChannel(db, tenant, webhookId, {
      kind: "slack",
      name: "alerts-signups",
      slackUrl: SLACK_URL,
      templates: asDefault(slackPreset()),
    });
    const [channel] = await listChannels(db, tenant, webhookId);
    expect(JSON.stringify(channel)).not.toContain("abcdefghijklmnopqrstuvwx");
    expect(channel.slackUrlMasked).toBe("https://hooks.slack.com/services/…uvwx");

    // Saving again with the URL left blank keeps it.
    await updateChannel(db, tenant, webhookId, channelId, {
      name: "renamed",
      slackUrl: "",
      eventTypes: ["user.created"],
    });
    const row = await db.channel.findFirst({ where: { webhookId, kind: "slack" } });
    expect(row && channelSlackUrl(row)).toBe(SLACK_URL);
    expect(row?.name).toBe("renamed");
  });

  it("refuses a Slack channel saved without any URL", async () => {
    const webhookId = await newWebhook();
    await expect(createChannel(db, tenant, webhookId, { kind: "slack", name: "x", slackUrl: "" })).rejects.toThrow(
      /Slack/,
    );
    expect(await listChannels(db, tenant, webhookId)).toEqual([]);
  });
});

describe("email channels", () => {
  it("validates every recipient and names the bad one", async () => {
    const webhookId = await newWebhook();
    await expect(
      createChannel(db, tenant, webhookId, { kind: "email", recipients: "ops@example.com, not-an-email" }),
    ).rejects.toThrow(/“not-an-email” is not a valid email address/);
    await expect(createChannel(db, tenant, webhookId, { kind: "email", recipients: "  " })).rejects.toThrow(
      /at least one email address/,
    );
  });

  it("turns off without losing its configuration, and back on", async () => {
    const webhookId = await newWebhook();
    const channelId = await createChannel(db, tenant, webhookId, {
      kind: "email",
      recipients: "a@example.com; b@example.com",
      eventTypes: ["user.created", "user.deleted"],
      templates: [{ eventType: "*", presetId: "user-created", template: null }],
    });
    await updateChannel(db, tenant, webhookId, channelId, { isEnabled: false });
    let [channel] = await listChannels(db, tenant, webhookId);
    expect(channel).toMatchObject({
      isEnabled: false,
      recipients: ["a@example.com", "b@example.com"],
      eventTypes: ["user.created", "user.deleted"],
      templates: [{ eventType: "*", presetId: "user-created", isEdited: false }],
    });
    await updateChannel(db, tenant, webhookId, channelId, { isEnabled: true });
    [channel] = await listChannels(db, tenant, webhookId);
    expect(channel.isEnabled).toBe(true);
  });

  it("stores an edited template as the channel's own copy and leaves the preset untouched", async () => {
    const webhookId = await newWebhook();
    const preset = getPreset("email", "user-created");
    if (!preset) throw new Error("preset missing");
    const original = JSON.stringify(preset.template);
    await createChannel(db, tenant, webhookId, {
      kind: "email",
      recipients: "a@example.com",
      templates: asDefault({ ...preset.template, title: "Welcome {{fullName event.data}}!" }, "user-created"),
    });
    const [channel] = await listChannels(db, tenant, webhookId);
    expect(channel.templates[0].template.title).toBe("Welcome {{fullName event.data}}!");
    expect(JSON.stringify(getPreset("email", "user-created")?.template)).toBe(original);
  });

  it("refuses a template that does not compile, with line and column", async () => {
    const webhookId = await newWebhook();
    const error = await createChannel(db, tenant, webhookId, {
      kind: "email",
      recipients: "a@example.com",
      templates: asDefault({ title: "Hi", body: "<p>\n  {{#if event.data}}\n</p>", text: "ok", facts: "" }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemplateProblemsError);
    const [problem] = (error as TemplateProblemsError).problems;
    expect(problem.part).toBe("body");
    expect(problem.line).toBeGreaterThanOrEqual(2);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(await listChannels(db, tenant, webhookId)).toEqual([]);
  });

  it("refuses a subject template with a line break: the subject is a mail header", async () => {
    const webhookId = await newWebhook();
    await expect(
      createChannel(db, tenant, webhookId, {
        kind: "email",
        recipients: "a@example.com",
        templates: asDefault({ title: "Hi\r\nBcc: attacker@example.com", body: "<p>x</p>", text: "x", facts: "" }),
      }),
    ).rejects.toThrow(/title: The subject must be a single line/);
  });

  it("keeps another project's webhook out of reach", async () => {
    const webhookId = await newWebhook();
    const channelId = await createChannel(db, tenant, webhookId, { kind: "email", recipients: "a@example.com" });
    const stranger = await seedTenant(db);
    await expect(
      createChannel(db, stranger, webhookId, {
        kind: "email",
        recipients: "a@example.com",
        templates: asDefault(emailPreset()),
      }),
    ).rejects.toThrow(/not found/);
    await expect(updateChannel(db, stranger, webhookId, channelId, { isEnabled: false })).rejects.toThrow(/not found/);
    await expect(
      updateChannel(db, stranger, webhookId, channelId, {
        templates: [{ eventType: "user.created", presetId: null, template: emailPreset() }],
      }),
    ).rejects.toThrow(/not found/);
    expect(await db.channelTemplate.count({ where: { channelId } })).toBe(0);
    expect((await listChannels(db, tenant, webhookId))[0].isEnabled).toBe(true);
    await expect(
      previewTemplate(db, stranger, webhookId, {
        kind: "slack",
        template: slackPreset(),
        eventType: "user.created",
        source: "sample",
      }),
    ).rejects.toThrow(/not found/);
  });
});

describe("channels per webhook", () => {
  it(`takes up to ${MAX_CHANNELS_PER_WEBHOOK} channels on one webhook, then refuses the next with the reason`, async () => {
    const webhookId = await newWebhook();
    for (let index = 0; index < MAX_CHANNELS_PER_WEBHOOK; index++) {
      await createChannel(db, tenant, webhookId, { kind: "email", recipients: `team${index}@example.com` });
    }
    await expect(createChannel(db, tenant, webhookId, { kind: "slack", slackUrl: SLACK_URL })).rejects.toThrow(
      `A webhook has at most ${MAX_CHANNELS_PER_WEBHOOK} channels`,
    );
    expect(await db.channel.count({ where: { webhookId } })).toBe(MAX_CHANNELS_PER_WEBHOOK);
    // Another webhook has its own room.
    await createChannel(db, tenant, await newWebhook(), { kind: "slack", slackUrl: SLACK_URL });
  });
});

describe("template preview", () => {
  it("renders a sample of the chosen event type, or the latest real event of the webhook", async () => {
    const webhookId = await newWebhook();
    const sample = await previewTemplate(db, tenant, webhookId, {
      kind: "slack",
      template: slackText("{{eventType}} {{fullName event.data}}"),
      eventType: "organizationMembership.created",
      source: "sample",
    });
    expect(sample.ok && sample.slack?.text).toMatch(/^organizationMembership\.created \S+/);

    await db.event.create({
      data: {
        id: "evt_01JREALEVENT000000000000",
        projectId: tenant.projectId,
        webhookId,
        receivedAt: new Date(),
        outcome: "accepted",
        httpStatus: 200,
        eventType: "user.created",
        headers: "{}",
        body: JSON.stringify({ type: "user.created", data: { first_name: "Grace", last_name: "Hopper" } }),
        bodySize: 10,
      },
    });
    const latest = await previewTemplate(db, tenant, webhookId, {
      kind: "slack",
      template: slackText("{{fullName event.data}}"),
      eventType: "user.created",
      source: "latest",
    });
    expect(latest.ok && latest.slack?.text).toBe("Grace Hopper");
    expect(latest.source).toContain("Latest real event");
  });

  it("reports compile errors inline instead of rendering", async () => {
    const webhookId = await newWebhook();
    const result = await previewTemplate(db, tenant, webhookId, {
      kind: "slack",
      template: slackText("line one\n{{#each event.data}}"),
      eventType: "user.created",
      source: "sample",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ part: "body", line: 2 });
  });
});
