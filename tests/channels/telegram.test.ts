import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/list-channels";
import { findTelegramChats } from "@/lib/channels/telegram-chats";
import { updateChannel } from "@/lib/channels/update-channel";
import type { Db } from "@/lib/db/client";
import { claimDeliveries } from "@/lib/delivery/claim-deliveries";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { Clock, deliveriesOf, ingest, testWorker } from "../delivery/harness";
import { CLERK_SECRET, clerkEvent } from "../helpers/signing";
import { startTelegramStandIn, type TelegramStandIn, telegramError } from "../helpers/telegram-stand-in";
import { openTestDb, seedTenant } from "../helpers/test-db";

// Telegram channels end to end: ingest → worker → a real local server speaking the Bot API, on a real
// database. The stand-in reads Telegram's HTML on its own parser, so what it accepts Telegram would too.

let db: Db;
let tenant: Tenant;
let telegram: TelegramStandIn;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
  telegram = await startTelegramStandIn();
});

afterEach(() => {
  telegram.received.length = 0;
  telegram.calls.length = 0;
});

afterAll(async () => {
  await telegram?.close();
});

let chats = 0;
// A chat of its own per test: Telegram's pacing is per chat, and tests follow each other within seconds.
function newGroupId(): string {
  chats += 1;
  return `-100${String(Date.now()).slice(-7)}${String(chats).padStart(3, "0")}`;
}

async function telegramWebhook(chatId = newGroupId()) {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  const channelId = await createChannel(db, tenant, webhook.id, {
    kind: "telegram",
    name: "alerts-ops",
    botToken: telegram.token,
    chatId,
  });
  return { webhookId: webhook.id, channelId, chatId };
}

const worker = (clock: Clock) =>
  testWorker(db, clock, { slackOrigin: "http://127.0.0.1:9", telegramOrigin: telegram.origin });

async function onlyDelivery(webhookId: string) {
  const rows = await deliveriesOf(db, webhookId);
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe("Telegram channels", () => {
  it("posts the signup alert as Telegram HTML to the saved chat: bold title, facts, a link, no preview", async () => {
    const clock = new Clock();
    const { webhookId, chatId } = await telegramWebhook();
    await ingest(db, webhookId, clerkEvent("user.created", { first_name: "Ada", last_name: "Lovelace" }), {
      now: clock.current,
    });
    expect(await worker(clock).drain()).toBe(1);

    expect(telegram.received).toHaveLength(1);
    const [sent] = telegram.received;
    expect(sent.chatId).toBe(chatId);
    expect(sent.body.parse_mode).toBe("HTML");
    expect(sent.body.link_preview_options).toEqual({ is_disabled: true });
    expect(sent.shown).toMatch(/^🎉 New signup: Ada Lovelace\n\nAda Lovelace just signed up/);
    expect(sent.shown).toContain("Name: Ada Lovelace");
    expect(sent.tags[0]).toEqual({ tag: "b" });
    expect(sent.tags.at(-1)).toEqual({ tag: "a", href: expect.stringMatching(/\/logs\/evt_/) });
    const row = await onlyDelivery(webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts[0].response).toMatch(/^Telegram answered 200: ok, message_id \d+/);
  });

  it("shows markup and mentions in user data as typed: no tag, link or ping comes of them", async () => {
    const clock = new Clock();
    const { webhookId } = await telegramWebhook();
    await ingest(
      db,
      webhookId,
      clerkEvent("user.created", { first_name: '<a href="tg://user?id=1">@everyone</a>', last_name: "<b>&amp;</b>" }),
      { now: clock.current },
    );
    await worker(clock).drain();
    const [sent] = telegram.received;
    expect(sent.shown).toContain('<a href="tg://user?id=1">@everyone</a> <b>&amp;</b> just signed up');
    // Only Hookbell's own tags became entities: the link to the event, never one from the data.
    expect(sent.tags.filter((tag) => tag.tag === "a")).toEqual([
      { tag: "a", href: expect.stringMatching(/^https?:\/\/.*\/logs\//) },
    ]);
  });

  it("waits exactly retry_after after a 429, and holds the next alert to the same chat too", async () => {
    const clock = new Clock();
    const { webhookId } = await telegramWebhook();
    telegram.setNext(telegramError.tooMany(7));
    const start = clock.current.getTime();
    await ingest(db, webhookId, clerkEvent("user.created"), { id: "msg_tg_429_a", now: clock.current });
    const work = worker(clock);
    await work.drain();
    await ingest(db, webhookId, clerkEvent("user.created", { first_name: "Grace" }), {
      id: "msg_tg_429_b",
      now: clock.current,
    });
    await work.drain();
    expect(telegram.calls).toHaveLength(1);
    const [first] = await deliveriesOf(db, webhookId);
    expect(first.status).toBe("retrying");
    expect(first.attempts[0].error).toContain("Telegram answered 429 Too Many Requests: retry after 7");
    expect(first.nextAttemptAt?.getTime()).toBeGreaterThanOrEqual(start + 7000);

    clock.advance(6900);
    await work.drain();
    expect(telegram.calls).toHaveLength(1);
    // Past the wait both go, one per pacing slot (3 s apart for a group).
    for (let step = 0; step < 6 && telegram.received.length < 2; step += 1) {
      clock.advance(1000);
      await work.drain();
    }
    expect(telegram.received).toHaveLength(2);
    expect((await deliveriesOf(db, webhookId)).map((row) => row.status)).toEqual(["sent", "sent"]);
  });

  it.each([
    [
      "a revoked token (401)",
      telegramError.unauthorized(),
      /Unauthorized: the bot token was revoked or is wrong; get it again from @BotFather/,
    ],
    [
      "a person who blocked the bot",
      telegramError.blocked(),
      /bot was blocked by the user: the person blocked the bot/,
    ],
    [
      "a group that removed the bot",
      telegramError.kicked(),
      /bot was kicked from the group chat: the bot was removed from the group/,
    ],
    ["an unknown chat", telegramError.chatNotFound(), /chat not found: check the chat id/],
  ])("fails for good on %s, without retrying, and says what to do", async (_name, reply, why) => {
    const clock = new Clock();
    const { webhookId } = await telegramWebhook();
    telegram.setNext(reply);
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    const work = worker(clock);
    await work.drain();
    clock.advance(24 * 3600_000);
    await work.drain();
    const row = await onlyDelivery(webhookId);
    expect(row.status).toBe("failed");
    expect(row.attempts).toHaveLength(1);
    expect(row.attempts[0].error).toMatch(why);
    expect(telegram.calls).toHaveLength(1);
  });

  it("retries a 5xx and sends on the next attempt", async () => {
    const clock = new Clock();
    const { webhookId } = await telegramWebhook();
    telegram.setNext(telegramError.serverError());
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    const work = worker(clock);
    await work.drain();
    expect((await onlyDelivery(webhookId)).status).toBe("retrying");
    clock.advance(3600_000);
    await work.drain();
    const row = await onlyDelivery(webhookId);
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    expect(row.attempts[0].error).toBe("Telegram answered 502 Bad Gateway");
  });

  it("follows a group that became a supergroup: saves the new chat id and resends in the same attempt", async () => {
    const clock = new Clock();
    const { webhookId, channelId } = await telegramWebhook("-4001234567");
    telegram.setNext(telegramError.migrated(-1009876543210));
    await ingest(db, webhookId, clerkEvent("user.created"), { id: "msg_tg_move_1", now: clock.current });
    const work = worker(clock);
    await work.drain();
    expect(telegram.calls).toEqual(["-4001234567", "-1009876543210"]);
    expect(telegram.received.map((sent) => sent.chatId)).toEqual(["-1009876543210"]);
    const row = await onlyDelivery(webhookId);
    expect(row.status).toBe("sent");
    expect(row.attempts).toHaveLength(1);
    expect(row.attempts[0].response).toContain("the chat id is now -1009876543210 (was -4001234567)");
    const [view] = await listChannels(db, tenant, webhookId);
    expect(view.id).toBe(channelId);
    expect(view.settings.chatId).toBe("-1009876543210");
    const audit = await db.auditEntry.findFirst({
      where: { projectId: tenant.projectId, targetId: webhookId },
      orderBy: { id: "desc" },
    });
    expect(audit?.summary).toContain("chat -4001234567 is now -1009876543210");

    // The next alert goes straight to the supergroup.
    await ingest(db, webhookId, clerkEvent("user.created"), { id: "msg_tg_move_2", now: clock.current });
    clock.advance(5000);
    await work.drain();
    expect(telegram.calls.at(-1)).toBe("-1009876543210");
    expect(telegram.calls).toHaveLength(3);
  });

  it("re-sends a delivery whose worker died mid-send once its lease expires, exactly once more", async () => {
    const clock = new Clock();
    const { webhookId } = await telegramWebhook();
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    const [claim] = await claimDeliveries(db, 10, clock.current, 60_000);
    expect(claim).toBeDefined();
    const work = worker(clock);
    expect(await work.drain()).toBe(0);
    clock.advance(60_001);
    expect(await work.drain()).toBe(1);
    const row = await onlyDelivery(webhookId);
    expect(row.attempts.map((attempt) => attempt.outcome)).toEqual(["retry", "sent"]);
    expect(row.attempts[0].error).toContain("lease expired");
    expect(telegram.received).toHaveLength(1);
  });

  it("never shows or stores the bot token: masked in the channel view, absent from deliveries and attempts", async () => {
    const clock = new Clock();
    const { webhookId, channelId, chatId } = await telegramWebhook();
    telegram.setNext(telegramError.unauthorized());
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    await worker(clock).drain();
    const [view] = await listChannels(db, tenant, webhookId);
    expect(view.settings).toEqual({ botToken: `123456789:…${telegram.token.slice(-4)}`, chatId });
    const secretPart = telegram.token.split(":")[1];
    expect(JSON.stringify(view)).not.toContain(secretPart);
    expect(JSON.stringify(await deliveriesOf(db, webhookId))).not.toContain(secretPart);
    const stored = await db.channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(`${stored.config}${stored.secretConfig}`).not.toContain(secretPart);
    const audit = await db.auditEntry.findMany({ where: { projectId: tenant.projectId } });
    expect(JSON.stringify(audit)).not.toContain(secretPart);
  });

  it("keeps the saved token when an update leaves it blank, and refuses a token of the wrong shape", async () => {
    const clock = new Clock();
    const { webhookId, channelId } = await telegramWebhook();
    await updateChannel(db, tenant, webhookId, channelId, { botToken: "", chatId: "@hookbell_alerts" });
    await expect(updateChannel(db, tenant, webhookId, channelId, { botToken: "not-a-token" })).rejects.toThrow(
      "Paste the token @BotFather gave you (/newbot or /token)",
    );
    await expect(updateChannel(db, tenant, webhookId, channelId, { chatId: "my group" })).rejects.toThrow(
      "Enter the chat's numeric id",
    );
    await ingest(db, webhookId, clerkEvent("user.created"), { now: clock.current });
    await worker(clock).drain();
    expect(telegram.received.map((sent) => sent.chatId)).toEqual(["@hookbell_alerts"]);
  });

  it("finds the chats that recently messaged the bot, newest first and each once, and says why when it cannot", async () => {
    const chat = (id: number, extra: Record<string, unknown>) => ({ chat: { id, ...extra } });
    telegram.setUpdates([
      { update_id: 1, message: chat(42, { type: "private", first_name: "Ada", username: "ada" }) },
      { update_id: 2, my_chat_member: chat(-1001, { type: "supergroup", title: "Ops" }) },
      { update_id: 3, channel_post: chat(-1002, { type: "channel", title: "Alerts", username: "acme_alerts" }) },
      { update_id: 4, message: chat(42, { type: "private", first_name: "Ada", username: "ada" }) },
    ]);
    const settings = { telegramOrigin: telegram.origin };
    expect(await findTelegramChats(telegram.token, settings)).toEqual([
      { id: "42", type: "private", title: "Ada @ada" },
      { id: "-1002", type: "channel", title: "Alerts @acme_alerts" },
      { id: "-1001", type: "supergroup", title: "Ops" },
    ]);
    telegram.setUpdates([], { webhookSet: true });
    await expect(findTelegramChats(telegram.token, settings)).rejects.toThrow("This bot has a webhook set");
    await expect(findTelegramChats("123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", settings)).rejects.toThrow(
      "Telegram does not know this bot token",
    );
    telegram.setUpdates([]);
  });
});
