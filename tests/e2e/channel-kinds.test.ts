import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type DiscordStandIn, startDiscordStandIn } from "../helpers/discord-stand-in";
import { CLERK_SECRET } from "../helpers/signing";
import { startTeamsStandIn, type TeamsStandIn } from "../helpers/teams-stand-in";
import { startTelegramStandIn, type TelegramStandIn } from "../helpers/telegram-stand-in";
import { startWebhookReceiver, type WebhookReceiver } from "../helpers/webhook-receiver";
import { signUp } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { launchBrowser, reaches, SCREENSHOT_DIR, screenshot } from "./helpers/browser";

// One webhook with a channel of each destination added after email and Slack, set up through the dialog
// as a user would, each previewed as its destination shows it, then one signed test event that every
// stand-in (a local server speaking that destination's protocol) receives.

const DISCORD_URL = "https://discord.com/api/webhooks/112233445566778899/e2eDiscordToken-0123456789abcdefXYZ";
const TEAMS_SIG = "e2eTeamsSig0123456789abcdefghijklmnopqrstu";
const TEAMS_URL =
  "https://prod-12.westeurope.logic.azure.com:443/workflows/0f1e2d3c4b5a69788796a5b4c3d2e1f0/triggers/manual/paths/invoke" +
  `?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${TEAMS_SIG}`;

let app: RunningApp;
let browser: Browser;
let discord: DiscordStandIn;
let teams: TeamsStandIn;
let telegram: TelegramStandIn;
let receiver: WebhookReceiver;

beforeAll(async () => {
  [discord, teams, telegram, receiver] = await Promise.all([
    startDiscordStandIn(),
    startTeamsStandIn({ sig: TEAMS_SIG }),
    startTelegramStandIn(),
    startWebhookReceiver(),
  ]);
  app = await startApp({
    HOOKBELL_DISCORD_ORIGIN: discord.origin,
    HOOKBELL_TEAMS_ORIGIN: teams.origin,
    HOOKBELL_TELEGRAM_ORIGIN: telegram.origin,
    // The receiver listens on loopback; a self-hoster forwarding to a service on their network sets the same.
    HOOKBELL_FORWARD_ALLOW_PRIVATE: "on",
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await Promise.all([discord?.close(), teams?.close(), telegram?.close(), receiver?.close()]);
});

async function connectClerk(page: Page) {
  await page.getByRole("button", { name: "+ Create Webhook" }).click();
  await page.waitForURL(/\/webhooks\/wh_/);
  await page.getByRole("button", { name: "Connect" }).click();
  await page.getByRole("button", { name: "Clerk" }).click();
  await page.getByLabel("Signing Secret").fill(CLERK_SECRET);
  await page.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Signing secret saved").waitFor();
}

/** Previews the dialog's template and saves a picture of the preview alone. */
async function previewAs(dialog: Locator, format: string, name: string): Promise<Locator> {
  await dialog.getByRole("button", { name: "Preview Template" }).click();
  const preview = dialog.getByTestId(`preview-${format}`);
  await preview.waitFor();
  await preview.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  return preview;
}

async function save(page: Page, dialog: Locator, toast: string) {
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText(toast).first().waitFor();
}

async function until(what: string, check: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it("sets up Discord, Teams, Telegram and a signed webhook on one webhook, previews each, and each receives the test event", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signUp(page, app.url, "kinds@example.com");
  await connectClerk(page);
  const dialog = page.getByRole("dialog");

  // Discord: a wrong URL says what to paste; the preset previews as a Discord embed.
  await page.getByRole("button", { name: "Set up a Discord channel" }).click();
  await dialog.getByLabel("Webhook URL").fill("https://example.com/api/webhooks/1/x");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  expect(await reaches(dialog.getByText(/Only discord\.com webhook URLs are accepted/))).toBe(true);
  await dialog.getByLabel("Webhook URL").fill(DISCORD_URL);
  await dialog.getByLabel("Channel name").fill("Signups in Discord");
  const discordPreview = await previewAs(dialog, "discord", "discord-preview");
  expect(await discordPreview.textContent()).toContain("New signup");
  await save(page, dialog, "Discord notifications saved and on.");

  // Microsoft Teams: a retired connector URL is refused with the way to a Workflows webhook.
  await page.getByRole("button", { name: "Set up a Teams channel" }).click();
  await dialog
    .getByLabel("Workflows webhook URL")
    .fill("https://acme.webhook.office.com/webhookb2/abc/IncomingWebhook/def");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  expect(await reaches(dialog.getByText(/Office 365 connector URL, which Microsoft has retired/))).toBe(true);
  await dialog.getByLabel("Workflows webhook URL").fill(TEAMS_URL);
  const teamsPreview = await previewAs(dialog, "teams", "teams-preview");
  // Microsoft's own renderer draws the card: its root element is there, with the preset's title.
  await teamsPreview.locator(".ac-adaptiveCard").waitFor();
  expect(await teamsPreview.textContent()).toContain("New signup");
  await save(page, dialog, "Microsoft Teams notifications saved and on.");

  // Telegram: the bot token, then "Find my chat" lists the chats that messaged the bot; picking one fills it.
  telegram.setUpdates([
    { update_id: 7, message: { chat: { id: -1009876543210, type: "supergroup", title: "Acme alerts" }, text: "hi" } },
  ]);
  await page.getByRole("button", { name: "Set up a Telegram channel" }).click();
  await dialog.getByLabel("Bot token").fill(telegram.token);
  await dialog.getByRole("button", { name: "Find my chat" }).click();
  await dialog.getByRole("button", { name: /Acme alerts/ }).click();
  expect(await dialog.getByLabel("Chat", { exact: true }).inputValue()).toBe("-1009876543210");
  const telegramPreview = await previewAs(dialog, "telegram", "telegram-preview");
  expect(await telegramPreview.textContent()).toContain("New signup");
  await save(page, dialog, "Telegram notifications saved and on.");

  // Signed webhook: the signing secret is shown once, after saving; the receiver verifies with it.
  await page.getByRole("button", { name: "Set up a signed webhook channel" }).click();
  await dialog.getByLabel("Endpoint URL").fill(receiver.url("/hooks/clerk"));
  const webhookPreview = await previewAs(dialog, "webhook", "signed-webhook-preview");
  expect(await webhookPreview.textContent()).toContain("webhook-signature");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  const reveal = page.getByTestId("channel-reveal");
  await reveal.waitFor();
  const secret = (await reveal.locator("code").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  receiver.setSecret(secret);
  await screenshot(page, "signed-webhook-secret-once");
  await page.getByRole("button", { name: "I have copied it" }).click();

  // The cards show every setting masked; no credential is on the page.
  await reaches(page.getByText("Discord notifications saved and on."), "hidden", 15_000);
  await screenshot(page, "webhook-all-channel-kinds");
  const html = await page.content();
  for (const secretPart of [
    "e2eDiscordToken",
    TEAMS_SIG,
    telegram.token.split(":")[1],
    secret.slice(6),
    "/hooks/clerk",
  ]) {
    expect(html).not.toContain(secretPart);
  }

  // One signed test event: every destination receives its own alert.
  await page.getByLabel("Event type").selectOption("user.created");
  await page.getByRole("button", { name: "Send test event" }).click();
  await page.getByText(/Sent a signed user\.created test event .* answered 200/).waitFor();
  await until("every destination", () =>
    [discord.received, teams.received, telegram.received, receiver.received].every((list) => list.length > 0),
  );
  expect(discord.received[0].body.embeds?.[0]?.title).toContain("New signup");
  expect(discord.received[0].body.allowed_mentions).toEqual({ parse: [] });
  expect(teams.received[0].sig).toBe(TEAMS_SIG);
  expect(JSON.stringify(teams.received[0].body)).toContain("New signup");
  expect(telegram.received[0].chatId).toBe("-1009876543210");
  expect(telegram.received[0].text).toContain("New signup");
  expect(receiver.received[0].verifyError).toBeNull();
  expect((receiver.received[0].verified as { type: string }).type).toBe("user.created");

  // Editing keeps a saved credential the form leaves blank: renamed, the Telegram channel still sends.
  await page.getByRole("button", { name: "Edit Telegram settings" }).click();
  expect(await dialog.getByLabel("Bot token").inputValue()).toBe("");
  await dialog.getByLabel("Channel name").fill("Ops chat");
  await save(page, dialog, "Channel saved.");
  expect(await reaches(page.getByTestId("channel-telegram").getByText("Ops chat"))).toBe(true);
  await page.getByLabel("Event type").selectOption("session.created");
  await page.getByRole("button", { name: "Send test event" }).click();
  await until("the second Telegram alert", () => telegram.received.length > 1);
  expect(telegram.received[1].chatId).toBe("-1009876543210");
});
