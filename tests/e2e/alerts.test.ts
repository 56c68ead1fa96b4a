import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLERK_SECRET } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { signUp } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { launchBrowser, reaches, SCREENSHOT_DIR, screenshot } from "./helpers/browser";

// The walkthrough's "Setup Notification Channel" and "Testing Your Integration", in a real chromium
// against `npm start`'s server: email goes to the Dev mailbox (no SMTP set), Slack to a local stand-in.

const SLACK_URL = "https://hooks.slack.com/services/T0E2E0000/B0E2E0000/e2eSecretPart0123456789";

let app: RunningApp;
let browser: Browser;
const slack = new SlackStandIn();

beforeAll(async () => {
  await slack.start();
  app = await startApp({ HOOKBELL_SLACK_ORIGIN: slack.origin });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await slack.stop();
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

it("sets up email and Slack, previews and edits a template, sends a test event and sees the alerts", async () => {
  const page = await browser.newPage();
  await signUp(page, app.url, "alerts@example.com");
  await connectClerk(page);
  const webhookPath = new URL(page.url()).pathname;

  // Email: toggle on → dialog → recipients, template, preview, edit, save.
  await page.getByRole("switch", { name: "Email Notifications" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Recipients").fill("team@example.com, not-an-address");
  await dialog.getByLabel("Template", { exact: true }).selectOption({ label: "New signup" });
  await dialog.getByRole("button", { name: "Preview Template" }).click();
  await dialog.getByTestId("template-preview").waitFor();
  expect(await dialog.getByTestId("preview-subject").textContent()).toContain("New signup");
  await screenshot(page, "channel-email-preview");

  const subject = dialog.getByLabel("Subject");
  await subject.fill(`${await subject.inputValue()} [edited]`);
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  expect(await reaches(dialog.getByText("“not-an-address” is not a valid email address"))).toBe(true);
  await dialog.getByLabel("Recipients").fill("team@example.com");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Email notifications saved and on.").waitFor();
  expect(await reaches(page.getByRole("switch", { name: "Email Notifications", checked: true }))).toBe(true);
  expect(await reaches(page.getByTestId("channel-email").getByText(/Custom template/))).toBe(true);
  expect(await page.getByTestId("channel-email").textContent()).toContain("Dev mailbox");

  // Slack: a wrong URL is refused; a broken template shows line and column and cannot be saved.
  await page.getByRole("switch", { name: "Slack Notifications" }).click();
  expect(await dialog.getByLabel("Channel name").inputValue()).toMatch(/^alerts-[a-z]+-[a-z]+-\d+$/);
  await dialog.getByLabel("Slack webhook URL").fill("https://example.com/services/T/B/x");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  expect(await reaches(dialog.getByText("Only hooks.slack.com URLs are accepted"))).toBe(true);
  await dialog.getByLabel("Slack webhook URL").fill(SLACK_URL);
  // Typed as Slack shows it; the card and the log show it with one "#". One chosen event type.
  await dialog.getByLabel("Channel name").fill("#alerts");
  await dialog.getByLabel("Only the events I choose").check();
  // The preset previews as Slack shows it: header, mrkdwn rendered, two-column facts, context line, button.
  await dialog.getByRole("button", { name: "Preview Template" }).click();
  const slackPreview = dialog.getByTestId("preview-slack");
  await slackPreview.waitFor();
  expect(await slackPreview.locator('[data-block="header"]').textContent()).toBe("🎉 New signup: Ada Lovelace");
  expect(await slackPreview.locator('[data-block="section"] strong').allTextContents()).toEqual(
    expect.arrayContaining(["Ada Lovelace", "Name", "Email", "User ID", "Signed up"]),
  );
  expect(await slackPreview.locator('[data-block="context"] code').textContent()).toBe("user.created");
  const viewButton = slackPreview.getByRole("link", { name: "View in Hookbell" });
  expect(await viewButton.getAttribute("href")).toMatch(/\/logs\/evt_sample$/);
  expect(await slackPreview.getByTestId("slack-blocks").textContent()).not.toMatch(/\*|:tada:|<http/);
  // The email channel's toast would cover part of the picture.
  await reaches(page.getByText("Email notifications saved and on."), "hidden", 15_000);
  await slackPreview
    .locator("> div")
    .first()
    .screenshot({ path: path.join(SCREENSHOT_DIR, "slack-preview.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await slackPreview
    .locator("> div")
    .first()
    .screenshot({ path: path.join(SCREENSHOT_DIR, "slack-preview-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  const message = dialog.getByLabel("Message (Slack mrkdwn)");
  const original = await message.inputValue();
  await message.fill(`${original}\n{{#if event.data}}`);
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await dialog.getByTestId("template-problems").waitFor();
  expect(await dialog.getByTestId("template-problems").textContent()).toMatch(/body, line \d+, column \d+/);
  await screenshot(page, "channel-slack-template-error");
  await message.fill(original);
  await dialog.getByRole("button", { name: "Preview Template" }).click();
  await dialog.getByTestId("slack-blocks").waitFor();
  expect(await dialog.getByTestId("slack-blocks").textContent()).toContain("New signup: Ada Lovelace");
  await screenshot(page, "channel-slack-preview");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Slack notifications saved and on.").waitFor();
  const slackCard = page.getByTestId("channel-slack");
  expect(await reaches(slackCard.getByText("https://hooks.slack.com/services/…6789"))).toBe(true);
  expect(await page.content()).not.toContain("e2eSecretPart");
  const slackText = await slackCard.textContent();
  expect(slackText).toContain("#alerts");
  expect(slackText).not.toContain("##");
  expect(slackText).toMatch(/1 event type ·/);
  await screenshot(page, "webhook-channels");

  // Send test event: signed with the webhook's secret, through the public URL. The list is the catalog,
  // user.locked (which the walkthrough lists) included.
  const testTypes = await page.getByLabel("Event type").locator("option").allTextContents();
  expect(testTypes).toEqual(expect.arrayContaining(["user.created", "user.locked"]));
  await page.getByLabel("Event type").selectOption("user.created");
  await page.getByRole("button", { name: "Send test event" }).click();
  await page.getByText(/Sent a signed user\.created test event .* answered 200/).waitFor();

  // The Slack stand-in receives the alert.
  const deadline = Date.now() + 15_000;
  while (slack.posts.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(slack.posts).toHaveLength(1);
  expect(slack.posts[0].path).toBe(new URL(SLACK_URL).pathname);
  expect(slack.posts[0].body.text).toContain("New signup");
  expect(slack.posts[0].body.blocks?.map((block) => block.type)).toEqual([
    "header",
    "section",
    "section",
    "context",
    "actions",
  ]);

  // The Dev mailbox holds the email with the edited subject.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dev mailbox" }).click();
  await page.waitForURL(`${app.url}/mailbox`);
  let rows = page.getByTestId("mailbox-row");
  for (let i = 0; i < 20 && (await rows.count()) === 0; i++) {
    await page.waitForTimeout(250);
    await page.reload();
    rows = page.getByTestId("mailbox-row");
  }
  expect(await rows.count()).toBe(1);
  expect(await rows.first().textContent()).toContain("[edited]");
  await screenshot(page, "mailbox");
  await rows.first().getByRole("link").click();
  await page.waitForURL(/\/mailbox\/msg_/);
  expect(await page.getByTestId("mail-subject").textContent()).toContain("[edited]");
  expect(await page.getByTestId("mail-text").textContent()).toContain("View event in Hookbell");
  await screenshot(page, "mailbox-message");

  // The log shows the event with both deliveries sent, each with its attempt.
  await page.goto(`${app.url}/logs`);
  const row = page.getByTestId("event-row").first();
  expect(await row.textContent()).toContain("user.created");
  expect(await row.getByTestId("alerts-summary").textContent()).toContain("sent");
  await screenshot(page, "log-with-alerts");
  await row.getByRole("link").click();
  await page.waitForURL(/\/logs\/evt_/);
  const deliveries = page.getByTestId("delivery");
  expect(await deliveries.count()).toBe(2);
  expect(await page.locator('[data-testid="delivery"][data-status="sent"]').count()).toBe(2);
  expect(await page.getByTestId("attempt").count()).toBe(2);
  const slackDelivery = await page.locator('[data-testid="delivery"][data-kind="slack"]').textContent();
  expect(slackDelivery).toMatch(/^Slack #alerts.*1 attempt(?!s)/);
  expect(slackDelivery).not.toContain("##");
  await screenshot(page, "log-detail-alerts");

  // Replay the event: it asks first, then two more alerts, marked as a replay.
  await page.getByRole("button", { name: "Replay event" }).click();
  await page
    .getByRole("dialog", { name: "Replay this event?" })
    .getByRole("button", { name: "Replay to 2 channels" })
    .click();
  await page.getByText("Replaying to 2 channels.").waitFor();
  const replayDeadline = Date.now() + 15_000;
  while (slack.posts.length < 2 && Date.now() < replayDeadline) await new Promise((r) => setTimeout(r, 100));
  expect(slack.posts).toHaveLength(2);
  await page.reload();
  expect(await page.getByTestId("delivery").count()).toBe(4);

  // Turning Slack off keeps its configuration.
  await page.goto(`${app.url}${webhookPath}`);
  await page.getByRole("switch", { name: "Slack Notifications" }).click();
  await page.getByText("Channel off; its settings are kept.").waitFor();
  expect(await reaches(page.getByRole("switch", { name: "Slack Notifications", checked: false }))).toBe(true);
  expect(await page.getByTestId("channel-slack").textContent()).toContain("…6789");

  // On a phone the channel dialog still fits the screen.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByRole("button", { name: "Edit email settings" }).click();
  await dialog.getByLabel("Recipients").waitFor();
  const box = await dialog.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(375);
  expect(await dialog.getByLabel("Recipients").inputValue()).toBe("team@example.com");
  await screenshot(page, "channel-email-dialog-375", { fullPage: false });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await screenshot(page, "webhook-channels-375");
  await page.close();

  // Neither credential ever reached the server's log.
  expect(app.logs()).not.toContain("e2eSecretPart");
  expect(app.logs()).not.toContain(CLERK_SECRET.slice("whsec_".length));
}, 120_000);

it("an edit under Automatic changes only the alert of the event type it names", async () => {
  const page = await browser.newPage();
  await signUp(page, app.url, "automatic@example.com");
  await connectClerk(page);

  // Email on, template left on Automatic, "🔔 " added to the subject the editor shows, saved.
  await page.getByRole("switch", { name: "Email Notifications" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Recipients").fill("bell@example.com");
  expect(await dialog.getByLabel("Template", { exact: true }).inputValue()).toBe("auto");
  expect(await dialog.getByTestId("template-editing").textContent()).toMatch(
    /^Editing user\.created · \d+ other types use their presets$/,
  );
  const subject = dialog.getByLabel("Subject");
  await subject.fill(`🔔 ${await subject.inputValue()}`);
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Email notifications saved and on.").waitFor();
  expect(await reaches(page.getByTestId("channel-email").getByText(/1 override/))).toBe(true);

  for (const type of ["session.created", "organization.created", "user.created"]) {
    await page.getByLabel("Event type").selectOption(type);
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.getByText(new RegExp(`Sent a signed ${type.replace(".", "\\.")} test event .* answered 200`)).waitFor();
  }

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dev mailbox" }).click();
  await page.waitForURL(`${app.url}/mailbox`);
  let rows = page.getByTestId("mailbox-row");
  for (let i = 0; i < 40 && (await rows.count()) < 3; i++) {
    await page.waitForTimeout(250);
    await page.reload();
    rows = page.getByTestId("mailbox-row");
  }
  const subjects = await rows.allTextContents();
  expect(subjects).toHaveLength(3);
  expect(subjects.filter((text) => text.includes("🔔"))).toHaveLength(1);
  expect(subjects.find((text) => text.includes("🔔"))).toContain("New signup");
  expect(subjects.some((text) => text.includes("New sign-in"))).toBe(true);
  expect(subjects.some((text) => text.includes("New organization"))).toBe(true);

  // Any number of channels of a kind: two Slack channels side by side, one turned off, then deleted.
  await page.goBack();
  await page.waitForURL(/\/webhooks\/wh_/);
  for (const [name, url] of [
    ["signups", "https://hooks.slack.com/services/T0E2E0001/B0E2E0001/e2eSecretPartSignups01"],
    ["security", "https://hooks.slack.com/services/T0E2E0002/B0E2E0002/e2eSecretPartSecurity1"],
  ]) {
    await page.getByRole("button", { name: /^(Set up|Add) a Slack channel$/ }).click();
    await dialog.getByLabel("Slack webhook URL").fill(url);
    await dialog.getByLabel("Channel name").fill(name);
    await dialog.getByRole("button", { name: "JSON" }).click();
    await dialog
      .getByLabel("Condition document (JSON)")
      .fill('{"data": {"public_metadata": {"members": {"$gt": 10}}}}');
    await dialog.getByRole("button", { name: "Save Configuration" }).click();
    await page.getByText("Slack notifications saved and on.").first().waitFor();
  }
  const slackCard = page.getByTestId("channel-slack");
  expect(await reaches(slackCard.getByText("#security"))).toBe(true);
  expect(await slackCard.textContent()).toMatch(/#signups.*#security/);
  expect(await slackCard.getByText("All events · Conditions").count()).toBe(2);
  await page.getByRole("switch", { name: "#security" }).click();
  expect(await reaches(page.getByRole("switch", { name: "#security", checked: false }))).toBe(true);
  expect(await reaches(page.getByRole("switch", { name: "Slack Notifications", checked: true }))).toBe(true);
  await screenshot(page, "webhook-many-channels");
  page.once("dialog", (question) => void question.accept());
  await page.getByRole("button", { name: "Delete #security" }).click();
  await page.getByText("Channel deleted.").waitFor();
  expect(await reaches(slackCard.getByText("#security"), "hidden")).toBe(true);
  expect(await slackCard.textContent()).toContain("#signups");
  await page.close();
}, 90_000);

it("the editor shows what a saved channel sends: a newly chosen preset, and an old default copy under Automatic", async () => {
  const page = await browser.newPage();
  page.on("dialog", (question) => void question.accept());
  await signUp(page, app.url, "presets@example.com");
  await connectClerk(page);
  const dialog = page.getByRole("dialog");
  const subject = dialog.getByLabel("Subject");

  // Saved with the generic preset as the channel's default.
  await page.getByRole("switch", { name: "Email Notifications" }).click();
  await dialog.getByLabel("Recipients").fill("presets@example.com");
  await dialog.getByLabel("Template", { exact: true }).selectOption({ label: "Event alert" });
  expect(await subject.inputValue()).toContain("Event alert:");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Email notifications saved and on.").waitFor();

  // Reopened, another preset chosen: the editor shows that preset, not the saved one.
  await page.getByRole("button", { name: "Edit email settings" }).click();
  expect(await dialog.getByLabel("Template", { exact: true }).inputValue()).toBe("generic");
  await dialog.getByLabel("Template", { exact: true }).selectOption({ label: "New signup" });
  expect(await subject.inputValue()).toContain("New signup:");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await dialog.waitFor({ state: "hidden" });

  // A copy edited before templates had a set per event type: migrated as the channel's default with no
  // preset, so the channel is on Automatic and every type without its own override sends this copy.
  await app.sql(
    `UPDATE "ChannelTemplate" SET "presetId" = NULL, "title" = 'Custom: {{eventType}}', "body" = '<p>custom</p>',
       "text" = 'custom' WHERE "eventType" = '*' AND "channelId" IN
       (SELECT "id" FROM "Channel" WHERE "recipients" LIKE '%presets@example.com%')`,
  );
  await page.reload();
  await page.getByRole("button", { name: "Edit email settings" }).click();
  expect(await dialog.getByLabel("Template", { exact: true }).inputValue()).toBe("auto");
  expect(await subject.inputValue()).toBe("Custom: {{eventType}}");
  expect(await dialog.getByTestId("template-editing").textContent()).toMatch(/use this channel's default$/);
  await page.close();
}, 120_000);
