import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { teamsKind } from "@/lib/channels/kinds/teams";
import { listChannels } from "@/lib/channels/list-channels";
import type { Db } from "@/lib/db/client";
import { startDeliveryWorker } from "@/lib/delivery/delivery-worker";
import { randomBase62 } from "@/lib/ids";
import type { TeamsMessage } from "@/lib/templates/render-teams";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { Clock, deliveriesOf, FROM, ingest } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { startTeamsStandIn, TEAMS_ERRORS, type TeamsReply, type TeamsStandIn } from "../helpers/teams-stand-in";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The Microsoft Teams kind end to end: signed Clerk events through the real ingest core, the delivery
// worker on a clock the test moves, and a local server that speaks a Workflows webhook trigger's protocol.

const SIG = "Zm9vYmFyU2lnbmF0dXJlX2hvb2tiZWxsX3RlYW1zXzAx";
let db: Db;
let tenant: Tenant;
let teams: TeamsStandIn;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  teams = await startTeamsStandIn({ sig: SIG });
});

afterAll(async () => {
  await teams.close();
});

function workflowUrl(sig = SIG): string {
  const id = Array.from({ length: 32 }, () => "0123456789abcdef"[Math.floor(Math.random() * 16)]).join("");
  return `https://prod-12.westeurope.logic.azure.com:443/workflows/${id}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
}

async function teamsWebhook(url = workflowUrl()) {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  const channelId = await createChannel(db, tenant, webhook.id, { kind: "teams", name: "Ops in Teams", url });
  return { webhookId: webhook.id, channelId, url, path: new URL(url).pathname };
}

/** One delivery at a time, so the order of sends is the order of claims. */
function worker(clock: Clock, teamsOrigin = teams.origin) {
  return startDeliveryWorker(db, {
    smtpFrom: FROM,
    slackOrigin: "http://127.0.0.1:9",
    teamsOrigin,
    now: clock.now,
    autoStart: false,
    concurrency: 1,
  });
}

const postsTo = (path: string) => teams.received.filter((post) => post.path === path);
const cardOf = (body: { attachments: { content: unknown }[] }) =>
  body.attachments[0].content as TeamsMessage["attachments"][0]["content"];
const textsOf = (body: { attachments: { content: unknown }[] }) =>
  cardOf(body).body.flatMap((element) => (element.type === "TextBlock" ? [element.text] : []));

async function sendOne(reply: TeamsReply | null, url?: string) {
  const clock = new Clock();
  const hook = await teamsWebhook(url);
  if (reply) teams.setNextReplies(reply);
  expect((await ingest(db, hook.webhookId, clerkEvent("user.created"), { now: clock.current })).status).toBe(200);
  const work = worker(clock);
  expect(await work.drain()).toBe(1);
  return { ...hook, clock, work };
}

describe("a Teams channel", () => {
  it("posts a new signup as an Adaptive Card to the workflow's path with its sig, and logs Teams' 202", async () => {
    const clock = new Clock();
    const { webhookId, path } = await teamsWebhook();
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    expect(await worker(clock).drain()).toBe(1);

    const [post] = postsTo(path);
    expect(post.sig).toBe(SIG);
    expect(post.body.type).toBe("message");
    expect(cardOf(post.body)).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    expect(textsOf(post.body)[0]).toBe("🎉 New signup: Ada Lovelace");
    expect(cardOf(post.body).actions[0]).toMatchObject({ type: "Action.OpenUrl", title: "Open in Hookbell" });
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => [attempt.outcome, attempt.statusCode, attempt.response])).toEqual([
      ["sent", 202, "202 Accepted"],
    ]);
  });

  it("keeps mentions, markdown and card functions in user data inert", async () => {
    const clock = new Clock();
    const { webhookId, path } = await teamsWebhook();
    const name = "@everyone **Admin** [verify](https://evil.example) {{DATE(2017-02-14T06:00:00Z, SHORT)}}";
    await ingest(db, webhookId, clerkEvent("user.created", { first_name: name, last_name: "<at>All</at>" }), {
      now: clock.current,
    });
    await worker(clock).drain();
    const [post] = postsTo(path);
    const [title, , body] = textsOf(post.body);
    expect(title).toBe(
      "🎉 New signup: @everyone \\*\\*Admin\\*\\* \\[verify\\](https://evil.example) \\{\\{DATE(2017-02-14T06:00:00Z, SHORT)\\}\\} \\<at\\>All\\</at\\>",
    );
    // The preset's own bold survives around the escaped name.
    expect(body).toMatch(/^\*\*@everyone \\\*\\\*Admin/);
    expect(JSON.stringify(post.body)).not.toContain('"mentioned"');
  });

  it("waits exactly as long as a 429's Retry-After says, and holds the other alerts to that workflow too", async () => {
    const clock = new Clock();
    const start = clock.current.getTime();
    const { webhookId, path } = await teamsWebhook();
    teams.setNextReplies(TEAMS_ERRORS.rateLimited("30"));
    for (const last_name of ["One", "Two"]) {
      await ingest(db, webhookId, clerkEvent("user.created", { last_name }), { now: clock.current });
    }
    const work = worker(clock);
    await work.drain();
    await work.drain();
    expect(postsTo(path)).toHaveLength(1);
    const rows = await deliveriesOf(db, webhookId);
    const rateLimited = rows.find((row) => row.attempts.length === 1);
    expect(rateLimited?.attempts[0]).toMatchObject({ outcome: "retry", statusCode: 429 });
    expect(rateLimited?.attempts[0].error).toContain(
      "Teams answered 429 WorkflowRequestsThrottled: Rate limit is exceeded.",
    );
    expect(rateLimited?.nextAttemptAt?.getTime()).toBe(start + 30_000);
    // The other alert did not go out either: its turn is held until the same moment, or later.
    for (const row of rows) expect(row.nextAttemptAt?.getTime()).toBeGreaterThanOrEqual(start + 30_000);

    clock.current = new Date(start + 29_999);
    expect(await work.drain()).toBe(0);
    expect(postsTo(path)).toHaveLength(1);
    clock.current = new Date(start + 30_000);
    await work.drain();
    // Four a second at most: the second alert goes 250 ms after the first.
    clock.advance(250);
    await work.drain();
    expect(postsTo(path)).toHaveLength(3);
    expect((await deliveriesOf(db, webhookId)).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("paces alerts to one workflow at four a second", async () => {
    const clock = new Clock();
    const { webhookId, path } = await teamsWebhook();
    for (let i = 0; i < 3; i++)
      await ingest(db, webhookId, clerkEvent("user.created", { last_name: `P${i}` }), { now: clock.current });
    const work = worker(clock);
    for (let i = 0; i < 3; i++) await work.drain();
    expect(postsTo(path)).toHaveLength(1);
    clock.advance(249);
    await work.drain();
    expect(postsTo(path)).toHaveLength(1);
    clock.advance(1);
    await work.drain();
    expect(postsTo(path)).toHaveLength(2);
    clock.advance(250);
    await work.drain();
    expect(postsTo(path)).toHaveLength(3);
  });

  const permanent: [string, TeamsReply, string][] = [
    [
      "400 InvalidRequestContent",
      TEAMS_ERRORS.invalidContent(),
      "Teams answered 400 InvalidRequestContent: The request content is not valid and could not be deserialized.; Teams refused the card",
    ],
    [
      "404 WorkflowTriggerIsNotEnabled",
      TEAMS_ERRORS.workflowOff(),
      "Teams answered 404 WorkflowTriggerIsNotEnabled: The workflow 'hookbell' trigger 'manual' is not enabled.; the workflow was deleted or turned off",
    ],
    [
      "404 WorkflowNotFound",
      TEAMS_ERRORS.workflowNotFound(),
      "WorkflowNotFound: The workflow 'hookbell' could not be found.; the workflow was deleted or turned off",
    ],
  ];
  it.each(permanent)(
    "fails %s for good, without a retry, in Teams' words and saying what to fix",
    async (_, reply, words) => {
      const { webhookId, path, clock, work } = await sendOne(reply);
      const [row] = await deliveriesOf(db, webhookId);
      expect(row.status).toBe("failed");
      expect(row.attempts).toHaveLength(1);
      expect(row.attempts[0].error).toContain(words);
      clock.advance(48 * 3_600_000);
      expect(await work.drain()).toBe(0);
      expect(postsTo(path)).toHaveLength(1);
    },
  );

  it("fails for good when the URL's sig is no longer valid, telling to copy the URL again", async () => {
    const { webhookId } = await sendOne(null, workflowUrl("an-old-signature"));
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.attempts[0].statusCode).toBe(401);
    expect(row.attempts[0].error).toContain("DirectApiInvalidAuthorizationSignature");
    expect(row.attempts[0].error).toContain(
      "the URL's signature is no longer valid; copy the URL again from the workflow.",
    );
    expect(teams.refused.at(-1)).toEqual({ status: 401, reason: "wrong sig" });
  });

  it("retries a 500 and sends at the next attempt", async () => {
    const { webhookId, path, clock, work } = await sendOne(TEAMS_ERRORS.serverError());
    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("retrying");
    expect(row.attempts[0].error).toBe("Teams answered 500 InternalServerError: Encountered an internal server error.");
    clock.current = new Date((row.nextAttemptAt?.getTime() ?? 0) + 1);
    expect(await work.drain()).toBe(1);
    [row] = await deliveriesOf(db, webhookId);
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    expect(postsTo(path)).toHaveLength(2);
  });

  it("retries when Teams cannot be reached, naming the network error and never the URL", async () => {
    const down = await startTeamsStandIn({ sig: SIG });
    await down.close();
    const clock = new Clock();
    const { webhookId } = await teamsWebhook();
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    await worker(clock, down.origin).drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("retrying");
    expect(row.attempts[0].error).toMatch(/^Could not reach Teams: ECONNREFUSED/);
    expect(JSON.stringify(row)).not.toContain(SIG);
  });

  it("keeps the URL sealed and shows only its mask, in the channel view, the log and the audit log", async () => {
    const { webhookId, channelId, url } = await sendOne(null);
    const [view] = await listChannels(db, tenant, webhookId);
    const id = /workflows\/([0-9a-f]+)/.exec(url)?.[1] ?? "";
    expect(view.settings).toEqual({
      url: `https://prod-12.westeurope.logic.azure.com/…/workflows/${id.slice(0, 6)}…?…sig=…${SIG.slice(-4)}`,
    });
    const stored = await db.channel.findUniqueOrThrow({ where: { id: channelId } });
    const audit = await db.auditEntry.findMany({ where: { projectId: tenant.projectId } });
    for (const text of [
      JSON.stringify(view),
      JSON.stringify(stored),
      JSON.stringify(await deliveriesOf(db, webhookId)),
      JSON.stringify(audit),
    ]) {
      expect(text).not.toContain(SIG);
      expect(text).not.toContain(id);
    }
    expect(teamsKind.configSchema.parse(teamsKind.readConfig(stored))).toEqual({ url });
  });
});

describe("the Teams URL a channel accepts", () => {
  const create = async (url: string) => {
    const webhook = await createWebhook(db, tenant);
    return createChannel(db, tenant, webhook.id, { kind: "teams", url });
  };

  it("refuses a retired Office 365 connector URL, saying how to create a Workflows webhook", async () => {
    for (const url of [
      `https://contoso.webhook.office.com/webhookb2/${randomBase62(20)}@${randomBase62(10)}/IncomingWebhook/${randomBase62(32)}/${randomBase62(10)}`,
      `https://outlook.office.com/webhook/${randomBase62(20)}/IncomingWebhook/${randomBase62(20)}`,
    ]) {
      await expect(create(url)).rejects.toThrow(
        /retired.*Workflows → “Post to a channel when a webhook request is received”/,
      );
    }
  });

  it("refuses other hosts and a URL without its sig, naming what to paste", async () => {
    await expect(create("https://example.com/workflows/abc/triggers/manual/paths/invoke?sig=x")).rejects.toThrow(
      /Only Teams Workflows URLs are accepted\. Paste a Teams Workflows webhook URL/,
    );
    await expect(create(workflowUrl().replace(/&sig=.*/, ""))).rejects.toThrow(/lost its sig=… part/);
    await expect(create(workflowUrl().replace("https:", "http:"))).rejects.toThrow(/use https/);
    await expect(create(workflowUrl().replace(":443", ":8443"))).rejects.toThrow(/port/);
  });

  it("accepts both Workflows shapes", async () => {
    await expect(create(workflowUrl())).resolves.toMatch(/^ch/);
    await expect(
      create(
        `https://default0123456789abcdef0123456789ab.cd.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${SIG}`,
      ),
    ).resolves.toMatch(/^ch/);
  });
});
