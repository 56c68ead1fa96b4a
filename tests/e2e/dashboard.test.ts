import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLERK_SECRET, clerkEvent, OTHER_SECRET, signedHeaders } from "../helpers/signing";
import { SlackStandIn } from "../helpers/slack-stand-in";
import { type RunningApp, startApp } from "./helpers/app-server";
import { audit } from "./helpers/audit";
import { launchBrowser, reaches } from "./helpers/browser";

// Every dashboard page, as a user meets it: onboarding from an empty project to a received test event
// and its alert, the live log, retry, troubleshooting of rejected requests, the overview with data.
// Each page passes axe-core (no serious or critical violation) and is screenshotted at desktop width,
// at 375 px and in dark mode.

const SLACK_URL = "https://hooks.slack.com/services/T0DASH000/B0DASH000/dashboardSecret000000000";

let app: RunningApp;
let browser: Browser;
let page: Page;
let ingestUrl = "";
let webhookPath = "";
const slack = new SlackStandIn();

beforeAll(async () => {
  await slack.start();
  app = await startApp({ HOOKBELL_SLACK_ORIGIN: slack.origin });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await slack.stop();
});

async function expectAccessible(name: string) {
  expect(await audit(page, name), name).toEqual([]);
}

async function send(body: string, options: Parameters<typeof signedHeaders>[1] = {}) {
  return fetch(ingestUrl, { method: "POST", headers: signedHeaders(body, options), body });
}

async function onboardingDone(): Promise<string> {
  return (await page.getByTestId("onboarding").textContent()) ?? "";
}

describe("a new account", () => {
  it("is welcomed by an onboarding checklist that ticks itself off from real state", async () => {
    await page.goto(`${app.url}/signin`);
    await expectAccessible("page-signin");
    await page.goto(`${app.url}/signup`);
    await expectAccessible("page-signup");
    await page.getByLabel("Email").fill("dash@example.com");
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`${app.url}/overview`);
    expect(await onboardingDone()).toContain("0 of 5 done");
    await expectAccessible("page-overview-empty");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Manage Webhooks" }).click();
    await page.waitForURL(`${app.url}/webhooks`);
    await expectAccessible("page-webhooks-empty");
    await page.getByRole("button", { name: "+ Create Webhook" }).click();
    await page.waitForURL(/\/webhooks\/wh_/);
    webhookPath = new URL(page.url()).pathname;
    expect(await onboardingDone()).toContain("1 of 5 done");
    expect(await page.getByTestId("onboarding-create").getAttribute("data-done")).toBe("true");
    await expectAccessible("page-webhook-new");

    // Step 2: a channel (email into the Dev mailbox) and a Slack channel.
    await page.getByRole("switch", { name: "Email Notifications" }).click();
    await page.getByRole("dialog").getByLabel("Recipients").fill("oncall@example.com");
    await expectAccessible("dialog-email-channel");
    await page.getByRole("dialog").getByRole("button", { name: "Save Configuration" }).click();
    await page.getByText("Email notifications saved and on.").waitFor();
    await page.getByRole("switch", { name: "Slack Notifications" }).click();
    await page.getByRole("dialog").getByLabel("Slack webhook URL").fill(SLACK_URL);
    await page.getByRole("dialog").getByRole("button", { name: "Save Configuration" }).click();
    await page.getByText("Slack notifications saved and on.").waitFor();
    expect(await reaches(page.getByTestId("onboarding").getByText("2 of 5 done"))).toBe(true);

    // Step 3: connect Clerk.
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByRole("button", { name: "Clerk" }).click();
    ingestUrl = await page.getByLabel("Webhook URL").inputValue();
    await page.getByLabel("Signing Secret").fill(CLERK_SECRET);
    await page.getByRole("button", { name: "Save Configuration" }).click();
    await page.getByText("Signing secret saved").waitFor();
    expect(await reaches(page.getByTestId("onboarding").getByText("3 of 5 done"))).toBe(true);
    await expectAccessible("page-webhook-connected");
  });

  it("watches a test event arrive in the live log, then its alerts, without reloading", async () => {
    // Slack refuses the first alert for good; "Retry now" will send it later.
    slack.answerNext({ status: 404, body: "no_service" });
    await page.goto(`${app.url}/logs`);
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    expect(await page.getByTestId("event-row").count()).toBe(0);

    const body = clerkEvent("user.created", { first_name: "Grace", last_name: "Hopper" });
    expect((await send(body)).status).toBe(200);
    const row = page.getByTestId("event-row").first();
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain("user.created");
    expect(await row.textContent()).toContain("production");
    await page.getByTestId("alerts-summary").getByText("failed").waitFor({ timeout: 15_000 });
    await page.getByTestId("alerts-summary").getByText("sent").waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);
    await expectAccessible("page-log");

    await page.goto(`${app.url}${webhookPath}`);
    // Every step is done: the checklist steps aside.
    expect(await page.getByTestId("onboarding").count()).toBe(0);
  });

  it("retries a failed alert from the event page and shows every attempt", async () => {
    await page.goto(`${app.url}/logs?alerts=failed`);
    expect(await page.getByTestId("event-row").count()).toBe(1);
    await page.getByTestId("event-row").first().getByRole("link").click();
    await page.waitForURL(/\/logs\/evt_/);
    const failed = page.locator('[data-testid="delivery"][data-kind="slack"]');
    expect(await failed.getAttribute("data-status")).toBe("failed");
    expect(await failed.textContent()).toContain("no_service");
    await expectAccessible("page-event-failed-alert");

    await failed.getByRole("button", { name: "Retry now" }).click();
    await page.locator('[data-testid="delivery"][data-kind="slack"][data-status="sent"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="delivery"][data-kind="slack"] [data-testid="attempt"]').count()).toBe(2);
    expect(slack.posts).toHaveLength(2);
  });

  it("explains rejected requests and how to fix them: wrong secret, clock drift, missing headers", async () => {
    const body = clerkEvent("session.created");
    expect((await send(body, { secret: OTHER_SECRET })).status).toBe(401);
    expect((await send(body, { timestamp: new Date(Date.now() - 10 * 60_000) })).status).toBe(401);
    expect((await fetch(ingestUrl, { method: "POST", body })).status).toBe(400);

    await page.goto(`${app.url}/logs?outcome=rejected`);
    expect(await page.getByTestId("event-row").count()).toBe(3);
    const open = async (code: string) => {
      await page.goto(`${app.url}/logs?outcome=rejected`);
      await page.getByTestId("event-row").filter({ hasText: code }).getByRole("link").click();
      await page.waitForURL(/\/logs\/evt_/);
      return (await page.getByTestId("explanation").textContent()) ?? "";
    };
    const wrongSecret = await open("invalid_signature");
    expect(wrongSecret).toContain("The signature did not match the saved signing secret");
    expect(wrongSecret).toContain(`ending in …${CLERK_SECRET.slice(-4)}`);
    expect(wrongSecret).toContain("How to fix it");
    await expectAccessible("page-event-rejected");
    const drift = await open("timestamp_too_old");
    expect(drift).toMatch(/The signature timestamp is 6\d\d s older than our clock/);
    expect(drift).toContain("synchronised");
    const missing = await open("missing_headers");
    expect(missing).toContain("svix-id");
    expect(missing).toContain("Send test event");
  });

  it("shows the numbers and the chart on the overview, each number leading to the filtered log", async () => {
    await page.goto(`${app.url}/overview`);
    expect(await page.getByTestId("stat-events").textContent()).toContain("1");
    expect(await page.getByTestId("stat-sent").textContent()).toContain("2");
    expect(await page.getByTestId("stat-quota").textContent()).toContain("1 / 100");
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await expectAccessible("page-overview");
    await page.getByTestId("stat-sent").click();
    await page.waitForURL(/\/logs\?range=7d&alerts=sent/);
    expect(await page.getByTestId("event-row").count()).toBe(1);
    await page.goto(`${app.url}/overview?range=today`);
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await page.goto(`${app.url}/overview?range=30d`);
    await page.locator(".recharts-bar-rectangle").first().waitFor();
  });

  it("keeps the other pages accessible: mailbox, a message, webhooks, not found", async () => {
    await page.goto(`${app.url}/mailbox`);
    await expectAccessible("page-mailbox");
    await page.getByTestId("mailbox-row").first().getByRole("link").click();
    await page.waitForURL(/\/mailbox\/msg_/);
    await expectAccessible("page-mailbox-message");
    await page.goto(`${app.url}/webhooks`);
    await expectAccessible("page-webhooks");
    const missing = await page.goto(`${app.url}/webhooks/wh_000000000000000000000000`);
    expect(missing?.status()).toBe(404);
    await expectAccessible("page-not-found");
  });

  it("sends security headers with every page", async () => {
    const response = await page.goto(`${app.url}/overview`);
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined(); // served over plain http here
    // The page still works under the policy: the chart (inline styles) and client scripts render.
    await page.locator(".recharts-bar-rectangle").first().waitFor();
  });

  it("records configuration changes in the audit log on the settings page", async () => {
    await page.goto(`${app.url}/settings`);
    const log = (await page.getByTestId("audit-row").allTextContents()).join("\n");
    expect(log).toContain("webhook.secret_saved");
    expect(log).toContain(`whsec_…${CLERK_SECRET.slice(-4)}`);
    expect(log).toContain("channel.created");
    expect(log).not.toContain("dashboardSecret");
    await page.getByLabel("Keep events for (days)").fill("14");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Events are now kept for 14 days.").first().waitFor();
    await page.reload();
    expect(await page.getByTestId("audit-row").first().textContent()).toContain("project.retention_changed");
    await expectAccessible("page-settings");
  });

  it("can be used from the keyboard with a visible focus", async () => {
    await page.goto(`${app.url}/overview`);
    let focused = "";
    for (let i = 0; i < 6 && focused !== "Overview"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    }
    expect(focused).toBe("Overview");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${app.url}/overview`);
  });
});
