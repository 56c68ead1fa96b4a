import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SendDeps } from "@/lib/channels/kinds/channel-kind";
import { CHANNEL_KINDS, channelKindFor } from "@/lib/channels/kinds/channel-kinds";
import { emailKind } from "@/lib/channels/kinds/email";
import { slackKind } from "@/lib/channels/kinds/slack";
import type { Db } from "@/lib/db/client";
import type { SlackMessage } from "@/lib/templates/render-slack";
import { webhookWithChannels } from "../delivery/harness";
import { SLACK_ERROR_STATUS, SlackStandIn, slackError } from "../helpers/slack-stand-in";
import { SmtpSink } from "../helpers/smtp-sink";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Each channel kind's own rules, on real parts: its send against the Slack stand-in (Slack's statuses and
// plain-text error codes) or a real SMTP server, then its classify, exactly as the delivery worker calls them.

let db: Db;
const slack = new SlackStandIn();
const smtp = new SmtpSink();
const SLACK_URL = "https://hooks.slack.com/services/T0KINDS/B0KINDS/abcdefghijklmnopqrstuvwx";
const message: SlackMessage = {
  text: "New signup: Ada Lovelace",
  blocks: [{ type: "section", text: { type: "mrkdwn", text: "*New signup:* Ada Lovelace" } }],
};

beforeAll(async () => {
  db = await openTestDb();
  await slack.start();
  await smtp.start();
});

afterAll(async () => {
  await slack.stop();
  await smtp.stop();
});

function deps(overrides: Partial<SendDeps> = {}): SendDeps {
  const tenant = { projectId: "prj_none", deliveryId: "dlv_none" };
  return {
    db,
    now: () => new Date(),
    smtpFrom: "Hookbell <alerts@hookbell.test>",
    slackOrigin: slack.origin,
    ...tenant,
    ...overrides,
  };
}

async function slackAnswers(...answers: Parameters<SlackStandIn["answerNext"]>) {
  slack.answerNext(...answers);
  return slackKind.classify(await slackKind.send(message, { url: SLACK_URL }, deps()));
}

describe("Slack's answers", () => {
  it("posts the text and blocks to the webhook's path and counts 200 ok as sent", async () => {
    const result = await slackAnswers({ status: 200, body: "ok" });
    expect(result).toEqual({ outcome: "sent", statusCode: 200, response: "ok" });
    expect(slack.posts.at(-1)).toMatchObject({ path: new URL(SLACK_URL).pathname, body: message });
  });

  // Slack's codes for a webhook or channel that is gone or closed: no retry can help, the reason says what to fix.
  const gone = {
    no_service: "removed or disabled in Slack",
    invalid_token: "removed or disabled in Slack",
    no_active_hooks: "removed or disabled in Slack",
    no_team: "workspace no longer exists",
    team_disabled: "workspace is disabled",
    channel_not_found: "channel was deleted",
    channel_is_archived: "channel is archived",
    action_prohibited: "restricted posting",
    posting_to_general_channel_denied: "general channel",
  } as const;
  it.each(Object.entries(gone))("fails %s for good, naming the code and what to fix", async (code, fix) => {
    const result = await slackAnswers(slackError(code as keyof typeof gone));
    expect(result).toMatchObject({ outcome: "failed", statusCode: SLACK_ERROR_STATUS[code as keyof typeof gone] });
    expect(result.outcome === "failed" && result.error).toContain(code);
    expect(result.outcome === "failed" && result.error).toContain(fix);
  });

  it.each(["invalid_payload", "invalid_blocks", "no_text"] as const)(
    "fails %s for good as a problem of the message, not of the URL",
    async (code) => {
      const result = await slackAnswers(slackError(code));
      expect(result).toMatchObject({ outcome: "failed", statusCode: 400 });
      expect(result.outcome === "failed" && result.error).toContain(
        `${code}: Slack refused the message; check the template.`,
      );
    },
  );

  it("waits as long as a 429's Retry-After says, given in seconds or as a date", async () => {
    expect(await slackAnswers(slackError("rate_limited", { "retry-after": "30" }))).toMatchObject({
      outcome: "retry",
      statusCode: 429,
      retryAfterMs: 30_000,
    });
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const dated = await slackAnswers(slackError("rate_limited", { "retry-after": inTwoMinutes }));
    expect(dated.outcome === "retry" && dated.retryAfterMs).toBeGreaterThan(115_000);
    expect(dated.outcome === "retry" && dated.retryAfterMs).toBeLessThanOrEqual(120_000);
    // Without Retry-After the retry schedule decides.
    expect(await slackAnswers(slackError("rate_limited"))).toMatchObject({ outcome: "retry", retryAfterMs: undefined });
  });

  it("retries a 500 rollup_error and any other server error", async () => {
    expect(await slackAnswers(slackError("rollup_error"))).toMatchObject({ outcome: "retry", statusCode: 500 });
    expect(await slackAnswers({ status: 503, body: "" })).toMatchObject({ outcome: "retry", statusCode: 503 });
  });

  it("fails a refusal with an unknown code by its status: 4xx for good", async () => {
    const result = await slackAnswers({ status: 404, body: "something_new" });
    expect(result).toMatchObject({ outcome: "failed", statusCode: 404 });
    expect(result.outcome === "failed" && result.error).toContain("will not accept messages at this URL");
  });

  it("retries when Slack cannot be reached, naming the network error", async () => {
    const down = new SlackStandIn();
    await down.start();
    const origin = down.origin;
    await down.stop();
    const result = slackKind.classify(await slackKind.send(message, { url: SLACK_URL }, deps({ slackOrigin: origin })));
    expect(result).toMatchObject({ outcome: "retry" });
    expect(result.outcome === "retry" && result.error).toMatch(/^Could not reach Slack: ECONNREFUSED/);
    expect(JSON.stringify(result)).not.toContain("abcdefghijklmnopqrstuvwx");
  });
});

describe("the mail server's answers", () => {
  const email = { subject: "New signup: Ada Lovelace", html: "<p>Ada</p>", text: "Ada" };

  it("counts a message the server accepted as sent, with its reply", async () => {
    const answer = await emailKind.send(email, { recipients: ["ops@example.com"] }, deps({ smtpUrl: smtp.url }));
    const result = emailKind.classify(answer);
    expect(result).toMatchObject({ outcome: "sent", response: expect.stringMatching(/^250/) });
    expect(smtp.received.at(-1)?.envelopeTo).toEqual(["ops@example.com"]);
  });

  it("fails a 5xx refusal for good and retries a 4xx one (RFC 5321)", async () => {
    const refused = async (code: number) => {
      smtp.refuseWith = { code, message: "Not now" };
      try {
        return emailKind.classify(
          await emailKind.send(email, { recipients: ["nobody@example.com"] }, deps({ smtpUrl: smtp.url })),
        );
      } finally {
        smtp.refuseWith = null;
      }
    };
    expect(await refused(550)).toMatchObject({ outcome: "failed", statusCode: 550 });
    expect(await refused(451)).toMatchObject({ outcome: "retry", statusCode: 451 });
  });

  it("keeps the message in the Dev mailbox when no SMTP server is configured", async () => {
    const tenant = await seedTenant(db);
    const answer = await emailKind.send(
      email,
      { recipients: ["dev@example.com"] },
      deps({ projectId: tenant.projectId }),
    );
    expect(emailKind.classify(answer)).toMatchObject({
      outcome: "sent",
      response: expect.stringContaining("Dev mailbox"),
    });
    const kept = await db.mailboxMessage.findFirst({ where: { projectId: tenant.projectId } });
    expect(kept).toMatchObject({ subject: email.subject, recipients: '["dev@example.com"]' });
  });
});

describe("channel config", () => {
  it("opens a saved Slack channel's sealed URL and an email channel's recipients", async () => {
    const tenant = await seedTenant(db);
    const { webhookId, slackUrl } = await webhookWithChannels(db, tenant, { slack: true, email: ["a@example.com"] });
    const channels = await db.channel.findMany({ where: { webhookId } });
    const slackChannel = channels.find((channel) => channel.kind === "slack");
    const emailChannel = channels.find((channel) => channel.kind === "email");
    if (!slackChannel || !emailChannel) throw new Error("both channels were saved");
    expect(slackChannel.slackUrl).not.toContain(new URL(slackUrl).pathname); // sealed at rest
    expect(slackKind.configSchema.parse(slackKind.readConfig(slackChannel))).toEqual({ url: slackUrl });
    expect(emailKind.configSchema.parse(emailKind.readConfig(emailChannel))).toEqual({ recipients: ["a@example.com"] });
  });

  it("refuses a channel whose settings cannot send, saying what to fix", () => {
    const noUrl = slackKind.configSchema.safeParse({ url: "" });
    expect(noUrl.error?.issues.map((issue) => issue.message)).toEqual([
      "no Slack URL is saved; save one in the channel's settings.",
    ]);
    const noRecipients = emailKind.configSchema.safeParse({ recipients: [] });
    expect(noRecipients.error?.issues.map((issue) => issue.message)).toEqual([
      "the channel has no recipients; add at least one address in its settings.",
    ]);
    expect(emailKind.configSchema.safeParse({ recipients: ["not-an-address"] }).success).toBe(false);
  });
});

describe("the registry of kinds", () => {
  it("holds each kind under its own name and knows no other", () => {
    for (const [name, kind] of Object.entries(CHANNEL_KINDS)) {
      expect(kind.kind).toBe(name);
      expect(channelKindFor(name)).toBe(kind);
    }
    expect(Object.values(CHANNEL_KINDS).map((kind) => kind.label)).toEqual([
      "Email",
      "Slack",
      "Discord",
      "Microsoft Teams",
      "Telegram",
      "Signed webhook",
    ]);
    for (const name of ["pagerduty", "toString", "__proto__", "constructor"]) expect(channelKindFor(name)).toBeNull();
  });
});
