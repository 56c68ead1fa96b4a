import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { listChannels } from "@/lib/channels/list-channels";
import { previewTemplate } from "@/lib/channels/preview-template";
import { saveChannel, TemplateProblemsError } from "@/lib/channels/save-channel";
import { setChannelEnabled } from "@/lib/channels/set-channel-enabled";
import { slackUrlProblem } from "@/lib/channels/slack-url";
import type { Db } from "@/lib/db/client";
import { getPreset, presetForEvent } from "@/lib/templates/presets";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { channelSlackUrl } from "../helpers/secrets";
import { openTestDb, seedTenant } from "../helpers/test-db";

let db: Db;
let tenant: Tenant;
const SLACK_URL = "https://hooks.slack.com/services/T000AAAA/B000BBBB/abcdefghijklmnopqrstuvwx";
const slackPreset = () => presetForEvent("slack", "user.created").template;
const emailPreset = () => presetForEvent("email", "user.created").template;

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
    await saveChannel(db, tenant, webhookId, {
      kind: "slack",
      name: "alerts-signups",
      slackUrl: SLACK_URL,
      templatePreset: "auto",
      eventTypes: null,
      template: slackPreset(),
    });
    const [channel] = await listChannels(db, tenant, webhookId);
    expect(JSON.stringify(channel)).not.toContain("abcdefghijklmnopqrstuvwx");
    expect(channel.slackUrlMasked).toBe("https://hooks.slack.com/services/…uvwx");

    // Saving again with the URL left blank keeps it.
    await saveChannel(db, tenant, webhookId, {
      kind: "slack",
      name: "renamed",
      slackUrl: "",
      templatePreset: "auto",
      eventTypes: ["user.created"],
      template: slackPreset(),
    });
    const row = await db.channel.findFirst({ where: { webhookId, kind: "slack" } });
    expect(row && channelSlackUrl(row)).toBe(SLACK_URL);
    expect(row?.name).toBe("renamed");
  });

  it("refuses a Slack channel saved without any URL", async () => {
    const webhookId = await newWebhook();
    await expect(
      saveChannel(db, tenant, webhookId, {
        kind: "slack",
        name: "x",
        slackUrl: "",
        templatePreset: "auto",
        eventTypes: null,
        template: slackPreset(),
      }),
    ).rejects.toThrow(/Paste the Slack incoming-webhook URL/);
  });
});

describe("email channels", () => {
  it("validates every recipient and names the bad one", async () => {
    const webhookId = await newWebhook();
    await expect(
      saveChannel(db, tenant, webhookId, {
        kind: "email",
        recipients: "ops@example.com, not-an-email",
        templatePreset: "auto",
        eventTypes: null,
        template: emailPreset(),
      }),
    ).rejects.toThrow(/“not-an-email” is not a valid email address/);
    await expect(
      saveChannel(db, tenant, webhookId, {
        kind: "email",
        recipients: "  ",
        templatePreset: "auto",
        eventTypes: null,
        template: emailPreset(),
      }),
    ).rejects.toThrow(/at least one email address/);
  });

  it("turns off without losing its configuration, and back on", async () => {
    const webhookId = await newWebhook();
    await saveChannel(db, tenant, webhookId, {
      kind: "email",
      recipients: "a@example.com; b@example.com",
      templatePreset: "user-created",
      eventTypes: ["user.created", "user.deleted"],
      template: null,
    });
    await setChannelEnabled(db, tenant, webhookId, "email", false);
    let [channel] = await listChannels(db, tenant, webhookId);
    expect(channel).toMatchObject({
      isEnabled: false,
      recipients: ["a@example.com", "b@example.com"],
      templatePreset: "user-created",
      eventTypes: ["user.created", "user.deleted"],
      template: null,
    });
    await setChannelEnabled(db, tenant, webhookId, "email", true);
    [channel] = await listChannels(db, tenant, webhookId);
    expect(channel.isEnabled).toBe(true);
  });

  it("stores an edited template as the channel's own copy and leaves the preset untouched", async () => {
    const webhookId = await newWebhook();
    const preset = getPreset("email", "user-created");
    if (!preset) throw new Error("preset missing");
    const original = JSON.stringify(preset.template);
    await saveChannel(db, tenant, webhookId, {
      kind: "email",
      recipients: "a@example.com",
      templatePreset: "user-created",
      eventTypes: null,
      template: { ...preset.template, subject: "Welcome {{fullName event.data}}!" },
    });
    const [channel] = await listChannels(db, tenant, webhookId);
    expect(channel.template?.subject).toBe("Welcome {{fullName event.data}}!");
    expect(JSON.stringify(getPreset("email", "user-created")?.template)).toBe(original);
  });

  it("refuses a template that does not compile, with line and column", async () => {
    const webhookId = await newWebhook();
    const error = await saveChannel(db, tenant, webhookId, {
      kind: "email",
      recipients: "a@example.com",
      templatePreset: "auto",
      eventTypes: null,
      template: { subject: "Hi", html: "<p>\n  {{#if event.data}}\n</p>", text: "ok" },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TemplateProblemsError);
    const [problem] = (error as TemplateProblemsError).problems;
    expect(problem.part).toBe("html");
    expect(problem.line).toBeGreaterThanOrEqual(2);
    expect(problem.column).toBeGreaterThanOrEqual(1);
    expect(await listChannels(db, tenant, webhookId)).toEqual([]);
  });

  it("refuses a subject template with a line break: the subject is a mail header", async () => {
    const webhookId = await newWebhook();
    await expect(
      saveChannel(db, tenant, webhookId, {
        kind: "email",
        recipients: "a@example.com",
        templatePreset: "auto",
        eventTypes: null,
        template: { subject: "Hi\r\nBcc: attacker@example.com", html: "<p>x</p>", text: "x" },
      }),
    ).rejects.toThrow(/subject: The subject must be a single line/);
  });

  it("keeps another project's webhook out of reach", async () => {
    const webhookId = await newWebhook();
    const stranger = await seedTenant(db);
    await expect(
      saveChannel(db, stranger, webhookId, {
        kind: "email",
        recipients: "a@example.com",
        templatePreset: "auto",
        eventTypes: null,
        template: emailPreset(),
      }),
    ).rejects.toThrow(/not found/);
    await expect(setChannelEnabled(db, stranger, webhookId, "email", true)).rejects.toThrow(/not found/);
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

describe("template preview", () => {
  it("renders a sample of the chosen event type, or the latest real event of the webhook", async () => {
    const webhookId = await newWebhook();
    const sample = await previewTemplate(db, tenant, webhookId, {
      kind: "slack",
      template: { text: "{{eventType}} {{fullName event.data}}" },
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
      template: { text: "{{fullName event.data}}" },
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
      template: { text: "line one\n{{#each event.data}}" },
      eventType: "user.created",
      source: "sample",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ part: "text", line: 2 });
  });
});
