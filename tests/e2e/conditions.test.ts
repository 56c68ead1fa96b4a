import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { signUp } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { audit } from "./helpers/audit";
import { launchBrowser, reaches, SCREENSHOT_DIR } from "./helpers/browser";

// The founders' inbox hears only about organizations of more than ten members; #everything hears it all.
// The condition is built from the sample payload's fields in a real chromium against `npm start`'s server,
// checked with "Would this have alerted?", and replaying asks first and names the channels.

const SLACK_URL = "https://hooks.slack.com/services/T0E2E0003/B0E2E0003/e2eSecretPartConditions";

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

async function connectClerk(page: Page): Promise<string> {
  await page.getByRole("button", { name: "+ Create Webhook" }).click();
  await page.waitForURL(/\/webhooks\/wh_/);
  await page.getByRole("button", { name: "Connect" }).click();
  await page.getByRole("button", { name: "Clerk" }).click();
  await page.getByLabel("Signing Secret").fill(CLERK_SECRET);
  await page.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Signing secret saved").waitFor();
  return page.getByLabel("Webhook URL").inputValue();
}

async function sendOrganization(ingestUrl: string, name: string, members: number) {
  const body = clerkEvent("organization.created", {
    id: `org_${name.replace(/\W/g, "")}`,
    object: "organization",
    name,
    members_count: members,
  });
  const response = await fetch(ingestUrl, { method: "POST", headers: signedHeaders(body), body });
  expect(response.status).toBe(200);
}

/** An element's picture at desktop width, at 375 px and in dark mode, as audit() takes pages. */
async function shoot(page: Page, locator: Locator, name: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  await page.setViewportSize({ width: 375, height: 812 });
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-375.png`) });
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: "dark" });
  await locator.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-dark.png`) });
  await page.emulateMedia({ colorScheme: "light" });
}

/** Saves the channel dialog; when the toast does not come, fails with what the dialog says instead. */
async function save(page: Page, dialog: Locator, toast: string) {
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  if (!(await reaches(page.getByText(toast), "visible", 30_000))) {
    throw new Error(`The channel was not saved; the dialog says: ${await dialog.textContent()}`);
  }
}

async function waitFor(check: () => boolean, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

it("builds a condition from the sample's fields, alerts only on what passes, and asks before a replay", async () => {
  const page = await browser.newPage();
  await signUp(page, app.url, "conditions@example.com");
  const ingestUrl = await connectClerk(page);
  // Two organizations already received: what "Would this have alerted?" judges the draft against.
  await sendOrganization(ingestUrl, "Big Co", 42);
  await sendOrganization(ingestUrl, "Tiny Co", 3);

  await page.getByRole("switch", { name: "Email Notifications" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Channel name").fill("Founders");
  await dialog.getByLabel("Recipients").fill("founders@example.com");
  const conditions = dialog.getByRole("region", { name: "Conditions (optional)" });
  await conditions.getByRole("button", { name: "Would this have alerted?" }).click();
  const summary = conditions.getByTestId("would-alert-summary");
  expect(await reaches(summary.getByText("2 of the last 2 events would have alerted."))).toBe(true);

  // The field picker offers the sample organization's fields, with a sample value beside the chosen one.
  await conditions.getByLabel("Fields from event").selectOption("organization.created");
  expect(
    await reaches(conditions.getByTestId("condition-fields-source").getByText(/sample organization\.created payload/)),
  ).toBe(true);
  await conditions.getByRole("button", { name: "+ Add condition" }).click();
  expect(await conditions.getByTestId("conditions-problem").textContent()).toBe("Choose a field for condition 1.");
  expect(await conditions.getByLabel("Condition 1 field").getAttribute("aria-invalid")).toBe("true");
  const offered = await conditions
    .locator("#condition-fields option")
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(offered).toEqual(expect.arrayContaining(["type", "data.name", "data.members_count"]));
  const field = conditions.getByLabel("Condition 1 field");
  await field.focus();
  await page.keyboard.type("data.members_count");
  expect(await conditions.getByTestId("condition-sample").textContent()).toBe("Sample: 1");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  // The operator select has focus; the value follows with the keyboard too.
  await conditions.getByLabel("Condition 1 operator").selectOption({ label: "is greater than" });
  await conditions.getByLabel("Condition 1 value").fill("10");
  await conditions.getByRole("button", { name: "Would this have alerted?" }).click();
  expect(await reaches(summary.getByText("1 of the last 2 events would have alerted."))).toBe(true);
  expect(await conditions.getByTestId("would-alert").textContent()).toContain(
    "condition failed — data.members_count is 3, not greater than 10.",
  );

  // The JSON view shows the document with the number as a number; a refused operator is named beside it.
  await conditions.getByRole("button", { name: "JSON" }).click();
  const json = conditions.getByLabel("Condition document (JSON)");
  expect(JSON.parse(await json.inputValue())).toEqual({ data: { members_count: { $gt: 10 } } });
  await json.fill('{"data": {"name": {"$regex": "Co$"}}}');
  expect(await conditions.getByTestId("conditions-problem").textContent()).toMatch(/\$regex/);
  expect(await json.getAttribute("aria-invalid")).toBe("true");
  // A document rows cannot show stays in JSON, and says why.
  await json.fill('{"$or": [{"data": {"members_count": {"$gt": 10}, "name": "Big Co"}}, {"type": "x"}]}');
  await conditions.getByRole("button", { name: "Builder" }).click();
  expect(await reaches(conditions.getByText(/which rows cannot show; it is edited as JSON/))).toBe(true);
  await json.fill('{"data": {"members_count": {"$gt": 10}}}');
  await conditions.getByRole("button", { name: "Builder" }).click();
  expect(await conditions.getByLabel("Condition 1 value").inputValue()).toBe("10");
  await conditions.getByRole("button", { name: "Would this have alerted?" }).click();
  await summary.waitFor();
  expect(await audit(page, "condition-dialog")).toEqual([]);
  await shoot(page, conditions, "condition-builder");

  // The email preview, for the event type the condition is about.
  await dialog.getByLabel("Preview with event").selectOption("organization.created");
  await dialog.getByRole("button", { name: "Preview Template" }).click();
  await dialog.getByTestId("template-preview").waitFor();
  expect(await dialog.getByTestId("preview-subject").textContent()).toContain("Analytical Engines");
  await shoot(page, dialog.getByTestId("template-preview"), "condition-email-preview");
  await save(page, dialog, "Email notifications saved and on.");
  // The toast comes with the action's answer; the card shows the saved channel once the page's refreshed
  // server render is in, a moment later.
  expect(await reaches(page.getByTestId("channel-email").getByText(/Conditions/))).toBe(true);

  // #everything: Slack with no condition; its preview as Slack shows it.
  await page.getByRole("switch", { name: "Slack Notifications" }).click();
  await dialog.getByLabel("Slack webhook URL").fill(SLACK_URL);
  await dialog.getByLabel("Channel name").fill("#everything");
  await dialog.getByLabel("Preview with event").selectOption("organization.created");
  await dialog.getByRole("button", { name: "Preview Template" }).click();
  const slackPreview = dialog.getByTestId("preview-slack");
  await slackPreview.waitFor();
  expect(await slackPreview.locator('[data-block="header"]').textContent()).toContain("Analytical Engines");
  await reaches(page.getByText("Email notifications saved and on."), "hidden", 15_000);
  await shoot(page, slackPreview.locator("> div").first(), "condition-slack-preview");
  await save(page, dialog, "Slack notifications saved and on.");

  // One organization passes the condition, one fails it.
  await sendOrganization(ingestUrl, "Grace Labs", 25);
  await sendOrganization(ingestUrl, "Two Person Co", 2);
  await waitFor(() => slack.posts.length >= 2);
  // Both, in either order: the worker promises no order between two due alerts (PostgreSQL's claims vary).
  const texts = slack.posts.map((post) => post.body.text ?? "");
  expect(texts).toHaveLength(2);
  expect(texts.some((text) => text.includes("Grace Labs"))).toBe(true);
  expect(texts.some((text) => text.includes("Two Person Co"))).toBe(true);

  // The founders' inbox got the big one only.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dev mailbox" }).click();
  await page.waitForURL(`${app.url}/mailbox`);
  let rows = page.getByTestId("mailbox-row");
  for (let i = 0; i < 40 && (await rows.count()) === 0; i++) {
    await page.waitForTimeout(250);
    await page.reload();
    rows = page.getByTestId("mailbox-row");
  }
  await page.waitForTimeout(1000);
  await page.reload();
  expect(await page.getByTestId("mailbox-row").allTextContents()).toEqual([expect.stringContaining("Grace Labs")]);
  await page.getByTestId("mailbox-row").first().getByRole("link").click();
  await page.waitForURL(/\/mailbox\/msg_/);
  expect(await audit(page, "condition-email")).toEqual([]);

  // The small one is logged as not alerted for the founders, with the condition that failed.
  await page.goto(`${app.url}/logs`);
  await page.getByTestId("event-row").first().getByRole("link").click();
  await page.waitForURL(/\/logs\/evt_/);
  expect(
    await reaches(page.getByText("Not alerted: condition failed — data.members_count is 2, not greater than 10.")),
  ).toBe(true);

  // Replay asks first and names the channels; Cancel sends nothing.
  const deliveriesBefore = await page.getByTestId("delivery").count();
  await page.getByRole("button", { name: "Replay event" }).click();
  const confirm = page.getByRole("dialog", { name: "Replay this event?" });
  await confirm.waitFor();
  expect(await confirm.getByTestId("replay-alerted").allTextContents()).toEqual(["#everythingSlack"]);
  const notAlerted = await confirm.getByTestId("replay-not-alerted").allTextContents();
  expect(notAlerted).toEqual([expect.stringMatching(/^FoundersEmailcondition failed — data\.members_count is 2/)]);
  expect(await audit(page, "replay-confirm")).toEqual([]);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  expect(await reaches(confirm, "hidden")).toBe(true);
  await page.waitForTimeout(2000);
  expect(slack.posts).toHaveLength(2);
  await page.reload();
  expect(await page.getByTestId("delivery").count()).toBe(deliveriesBefore);

  await page.getByRole("button", { name: "Replay event" }).click();
  await confirm.getByRole("button", { name: "Replay to 1 channel" }).click();
  await page.getByText("Replaying to 1 channel.").waitFor();
  await waitFor(() => slack.posts.length >= 3);
  expect(slack.posts).toHaveLength(3);
  expect(slack.posts[2].body.text).toContain("Two Person Co");
  await page.close();

  expect(app.logs()).not.toContain("e2eSecretPart");
}, 180_000);
