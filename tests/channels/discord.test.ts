import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { discordKind } from "@/lib/channels/kinds/discord";
import { listChannels } from "@/lib/channels/list-channels";
import { updateChannel } from "@/lib/channels/update-channel";
import type { Db } from "@/lib/db/client";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { randomBase62 } from "@/lib/ids";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { Clock, deliveriesOf, ingest, testWorker } from "../delivery/harness";
import { type DiscordStandIn, discordReplies, startDiscordStandIn } from "../helpers/discord-stand-in";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// The Discord kind end to end: signed Clerk events through the real ingest core, the delivery worker on a
// moved clock, and a local server that checks and answers every request as Discord's webhook API does.

let db: Db;
let tenant: Tenant;
let discord: DiscordStandIn;
// Nothing listens here: a Slack post would fail loudly rather than reach anything.
const NO_SLACK = "http://127.0.0.1:9";

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  discord = await startDiscordStandIn();
});

afterEach(async () => {
  await db.delivery.deleteMany({});
  discord.received.length = 0;
});

afterAll(async () => {
  await discord.close();
});

const snowflake = () => `1${String(Math.floor(Math.random() * 1e17)).padStart(18, "0")}`;

function newDiscordUrl() {
  const id = snowflake();
  const token = `${randomBase62(34)}-${randomBase62(33)}`;
  return { id, token, url: `https://discord.com/api/webhooks/${id}/${token}` };
}

async function discordWebhook(url = newDiscordUrl().url) {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  const channelId = await createChannel(db, tenant, webhook.id, { kind: "discord", name: "alerts", url });
  return { webhookId: webhook.id, channelId, webhookName: webhook.name };
}

const worker = (clock: Clock) => testWorker(db, clock, { slackOrigin: NO_SLACK, discordOrigin: discord.origin });

describe("a Discord channel", () => {
  it("posts the alert as an embed with ?wait=true and records the message Discord kept", async () => {
    const clock = new Clock(new Date("2026-12-03T10:00:00Z"));
    const { id, token, url } = newDiscordUrl();
    const { webhookId, webhookName } = await discordWebhook(url);
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    expect(await worker(clock).drain()).toBe(1);

    expect(discord.received).toHaveLength(1);
    const [post] = discord.received;
    expect(post).toMatchObject({ webhookId: id, token });
    const [embed] = post.body.embeds ?? [];
    expect(post.body.username).toBe("Hookbell");
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(embed.title).toBe("🎉 New signup: Ada Lovelace");
    expect(embed.description).toMatch(/^\*\*Ada Lovelace\*\* just signed up/);
    expect(embed.fields).toContainEqual({ name: "User ID", value: "user\\_29w83sxmDNGwOuEthce5gg56FcC", inline: true });
    expect(embed.color).toBe(0x5865f2);
    expect(embed.footer?.text).toContain(webhookName);
    expect(embed.timestamp).toBe(clock.current.toISOString());
    expect(embed.url).toMatch(/\/evt_/);
    // Sent with wait=true: Discord confirmed it kept the message, and the log names it.
    expect(discord.unconfirmed).toBe(0);
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts[0]).toMatchObject({
      outcome: "sent",
      statusCode: 200,
      response: `Discord kept message ${post.messageId}`,
    });
  });

  it("keeps mentions and markdown in the user's data inert", async () => {
    const clock = new Clock();
    const { webhookId } = await discordWebhook();
    const hostile = { first_name: "@everyone", last_name: "<@123456789012345678> **[free](https://evil.test)**" };
    await ingest(db, webhookId, clerkEvent("user.created", hostile), { now: clock.current });
    await worker(clock).drain();
    const [post] = discord.received;
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(post.body);
    expect(text).not.toMatch(/@everyone|<@1|\*\*\[free\]/);
    expect(post.body.embeds?.[0].title).toBe(
      "🎉 New signup: @\u200beveryone <\u200b@123456789012345678> \\*\\*\\[free\\](https://evil.test)\\*\\*",
    );
  });

  it("fits an event with huge values into Discord's limits: Discord takes it, cut with …", async () => {
    const clock = new Clock();
    const { webhookId } = await discordWebhook();
    const huge = { first_name: "A".repeat(20_000), last_name: "*".repeat(5000), email_addresses: [] };
    await ingest(db, webhookId, clerkEvent("user.created", huge), { now: clock.current });
    await worker(clock).drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    const [embed] = discord.received[0].body.embeds ?? [];
    expect(embed.title).toHaveLength(256);
    expect(embed.title?.endsWith("…")).toBe(true);
  });

  it("never shows or logs the webhook's token: masked in the channel view, absent from deliveries", async () => {
    const clock = new Clock();
    const { token, url } = newDiscordUrl();
    const { webhookId } = await discordWebhook(url);
    discord.setNext(discordReplies.invalidToken());
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    await worker(clock).drain();
    const [channel] = await listChannels(db, tenant, webhookId);
    expect(channel.settings.url).toMatch(/^https:\/\/discord\.com\/api\/webhooks\/\d{4}…\/…[\w-]{4}$/);
    expect(channel.settings.url.endsWith(token.slice(-4))).toBe(true);
    const rows = await deliveriesOf(db, webhookId);
    const stored = await db.channel.findMany({ where: { webhookId } });
    for (const seen of [channel, rows, stored]) expect(JSON.stringify(seen)).not.toContain(token.slice(0, 20));
  });

  it("refuses URLs that are not Discord webhooks, saying what to paste", async () => {
    const webhook = await createWebhook(db, tenant);
    const refused = (url: string) => createChannel(db, tenant, webhook.id, { kind: "discord", url });
    const { id, token } = newDiscordUrl();
    await expect(refused("https://example.com/api/webhooks/1/x")).rejects.toThrow(/Copy Webhook URL/);
    await expect(refused(`http://discord.com/api/webhooks/${id}/${token}`)).rejects.toThrow(/https/);
    await expect(refused(`https://discord.com/api/webhooks/${id}/${token}/slack`)).rejects.toThrow(/Remove “\/slack”/);
    await expect(refused(`https://discord.com/api/webhooks/${id}/${token}/github`)).rejects.toThrow(/GitHub/);
    await expect(refused("https://discord.com/channels/1/2")).rejects.toThrow(/not a Discord webhook URL/);
    await expect(refused(`https://discord.com/api/webhooks/${id}/${token}?thread_id=1`)).rejects.toThrow(/after “\?”/);
    // The older host and the canary client's hand out the same webhook; it is stored as discord.com.
    const channelId = await createChannel(db, tenant, webhook.id, {
      kind: "discord",
      url: `https://canary.discordapp.com/api/webhooks/${id}/${token}`,
    });
    const row = await db.channel.findFirstOrThrow({ where: { id: channelId } });
    expect(discordKind.readConfig(row)).toEqual({ url: `https://discord.com/api/webhooks/${id}/${token}` });
    // A blank URL on update keeps the saved one.
    await updateChannel(db, tenant, webhook.id, channelId, { url: "" });
    const kept = await db.channel.findFirstOrThrow({ where: { id: channelId } });
    expect(discordKind.readConfig(kept)).toEqual({ url: `https://discord.com/api/webhooks/${id}/${token}` });
  });
});

describe("Discord's rate limits", () => {
  it("waits exactly a 429's retry_after, and holds the other alerts to that webhook as long", async () => {
    const clock = new Clock(new Date("2026-12-03T10:00:00Z"));
    const { webhookId } = await discordWebhook();
    discord.setNext(discordReplies.rateLimited(2.347));
    for (const index of [1, 2]) {
      const body = clerkEvent("user.created", { first_name: `User${index}` });
      await ingest(db, webhookId, body, { id: `msg_rl_${index}_${Date.now()}`, now: clock.current });
    }
    const work = worker(clock);
    await work.drain();
    const rows = await deliveriesOf(db, webhookId);
    const limited = rows.find((row) => row.attempts.length === 1);
    expect(limited?.attempts[0]).toMatchObject({ outcome: "retry", statusCode: 429 });
    expect(limited?.attempts[0].error).toContain("rate limited");
    expect(limited?.nextAttemptAt?.getTime()).toBe(clock.current.getTime() + 2347);
    // Nothing goes to that webhook before the 2.347 s are over, not even the other alert.
    clock.advance(2346);
    await work.drain();
    expect(discord.received).toHaveLength(0);
    clock.advance(1);
    for (let step = 0; step < 6; step += 1) {
      await work.drain();
      clock.advance(500);
    }
    expect(discord.received).toHaveLength(2);
    const sent = await deliveriesOf(db, webhookId);
    expect(sent.map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it("says when the limit is Discord's global one", () => {
    const result = discordKind.classify({
      kind: "answered",
      status: 429,
      body: JSON.stringify({ message: "You are being rate limited.", retry_after: 0.5, global: true }),
      remaining: null,
      resetAfter: null,
      retryAfter: "1",
    });
    expect(result).toMatchObject({ outcome: "retry", retryAfterMs: 500 });
    expect(result.outcome === "retry" && result.error).toMatch(/global rate limit/);
  });

  it("pauses the webhook after a send that empties its bucket, until X-RateLimit-Reset-After", async () => {
    const clock = new Clock(new Date("2026-12-03T10:00:00Z"));
    const { webhookId } = await discordWebhook();
    discord.setNext(discordReplies.lastInBucket(3.2));
    for (const index of [1, 2]) {
      const body = clerkEvent("user.created", { first_name: `User${index}` });
      await ingest(db, webhookId, body, { id: `msg_bucket_${index}_${Date.now()}`, now: clock.current });
    }
    const work = worker(clock);
    await work.drain();
    expect(discord.received).toHaveLength(1);
    clock.advance(3199);
    await work.drain();
    expect(discord.received).toHaveLength(1);
    clock.advance(1);
    await work.drain();
    expect(discord.received).toHaveLength(2);
  });
});

describe("Discord's refusals", () => {
  const cases = [
    ["a deleted webhook (404, 10015)", discordReplies.unknownWebhook(), /deleted or its URL is no longer valid/],
    ["a revoked token (401, 50027)", discordReplies.invalidToken(), /deleted or its URL is no longer valid/],
    ["a webhook without permission (403)", discordReplies.missingPermissions(), /permissions/],
  ] as const;
  for (const [name, reply, reason] of cases) {
    it(`fails ${name} for good, without a retry, saying why`, async () => {
      const clock = new Clock();
      const { webhookId } = await discordWebhook();
      discord.setNext(reply);
      await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
      await worker(clock).drain();
      const [row] = await deliveriesOf(db, webhookId);
      expect(row.status).toBe("failed");
      expect(row.nextAttemptAt).toBeNull();
      expect(row.attempts).toHaveLength(1);
      expect(row.attempts[0].error).toMatch(reason);
      expect(row.attempts[0].error).toContain(`Discord answered ${reply.status}`);
    });
  }

  it("fails a message Discord refuses as an invalid form body, naming the field", async () => {
    const clock = new Clock();
    const { webhookId } = await discordWebhook();
    // The renderer keeps every message within Discord's limits, so this refusal is scripted: Discord's
    // answer to an embed it will not take.
    discord.setNext({
      status: 400,
      body: {
        message: "Invalid Form Body",
        code: 50035,
        errors: {
          embeds: {
            "0": {
              description: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 4096 or fewer in length." }] },
            },
          },
        },
      },
    });
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    await worker(clock).drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("failed");
    expect(row.attempts[0].error).toContain(
      "Discord refused the message: embeds.0.description: Must be 4096 or fewer in length.; check the template.",
    );
  });

  it("retries a 5xx, then sends", async () => {
    const clock = new Clock();
    const { webhookId } = await discordWebhook();
    discord.setNext(discordReplies.serverError());
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    const work = worker(clock);
    await work.drain();
    let [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("retrying");
    expect(row.attempts[0]).toMatchObject({ outcome: "retry", statusCode: 502 });
    clock.advance(13_000);
    await work.drain();
    [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(discord.received).toHaveLength(1);
  });

  it("retries when Discord cannot be reached", async () => {
    const clock = new Clock();
    const { webhookId } = await discordWebhook();
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    await testWorker(db, clock, { slackOrigin: NO_SLACK, discordOrigin: NO_SLACK }).drain();
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("retrying");
    expect(row.attempts[0].error).toMatch(/^Could not reach Discord: ECONNREFUSED/);
  });

  it("sends once more when the worker sending it died (its lease expired)", async () => {
    const clock = new Clock();
    const { webhookId } = await discordWebhook();
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    const [claim] = await claimDeliveries(db, 10, clock.current, 60_000);
    expect(claim).toBeDefined();
    const work = worker(clock);
    expect(await work.drain()).toBe(0);
    clock.advance(60_001);
    expect(await work.drain()).toBe(1);
    expect(await work.drain()).toBe(0);
    const [row] = await deliveriesOf(db, webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    expect(discord.received).toHaveLength(1);
  });
});
