import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { signUp as signUpAs } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { launchBrowser, reaches, screenshot } from "./helpers/browser";

// The first-run flow, as a new user would do it, in a real chromium against the real server.

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function signUp(page: Page, email: string) {
  return signUpAs(page, app.url, email);
}

describe("from sign-up to a verified Clerk event in the log", () => {
  let webhookPath = "";
  let ingestUrl = "";
  let svixId = "";
  let eventPath = "";

  it("signs up, creates an inactive webhook and connects Clerk with its signing secret", async () => {
    const page = await browser.newPage();
    await signUp(page, "owner@example.com");
    expect(await reaches(page.getByRole("heading", { name: "Manage Webhooks" }))).toBe(true);
    expect(await reaches(page.getByText("No webhooks yet"))).toBe(true);
    await screenshot(page, "webhooks-empty");

    await page.getByRole("button", { name: "+ Create Webhook" }).click();
    await page.waitForURL(/\/webhooks\/wh_[0-9A-Za-z]{24}$/);
    webhookPath = new URL(page.url()).pathname;
    expect(await reaches(page.getByText("Inactive", { exact: true }).first())).toBe(true);

    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByRole("button", { name: "Clerk" }).click();
    ingestUrl = await page.getByLabel("Webhook URL").inputValue();
    expect(ingestUrl).toBe(`${app.url}/api/ingest/${webhookPath.split("/").pop()}`);

    await page.getByLabel("Signing Secret").fill("whsec_tooShort");
    await page.getByRole("button", { name: "Save Configuration" }).click();
    const problem = page.getByRole("alert").filter({ hasText: "signing secret" });
    await problem.waitFor();
    expect(await problem.textContent()).toContain("decodes to 6 bytes");
    await screenshot(page, "webhook-connect-error");

    await page.getByLabel("Signing Secret").fill(CLERK_SECRET);
    await page.getByRole("button", { name: "Save Configuration" }).click();
    await page.getByText("Signing secret saved").waitFor();
    await page.getByTestId("secret-hint").waitFor();
    expect(await page.getByTestId("secret-hint").textContent()).toContain(`whsec_…${CLERK_SECRET.slice(-4)}`);
    expect(await reaches(page.getByText("Active", { exact: true }).first())).toBe(true);
    await page.reload();
    expect(await page.content()).not.toContain(CLERK_SECRET);
    await screenshot(page, "webhook-connected");
    await page.close();
  });

  it("shows a request signed by the test in the webhook page and the notification log", async () => {
    const body = clerkEvent("user.created", { email_addresses: [{ email_address: "ada@example.com" }] });
    const headers = signedHeaders(body);
    svixId = headers["svix-id"];
    const response = await fetch(ingestUrl, { method: "POST", headers, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true });

    const rejected = await fetch(ingestUrl, {
      method: "POST",
      headers: signedHeaders(body, { secret: "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD" }),
      body,
    });
    expect(rejected.status).toBe(401);

    const page = await browser.newPage();
    await page.goto(`${app.url}/signin`);
    await page.getByLabel("Email").fill("owner@example.com");
    await page.getByLabel("Password").fill("correct horse battery staple");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.url}/overview`);
    expect(await page.getByTestId("stat-events").textContent()).toContain("1");
    await page.goto(`${app.url}/webhooks`);
    const row = page.getByRole("row").filter({ hasText: "Clerk" });
    expect(await row.textContent()).toMatch(/Active.*1/);

    await page.goto(`${app.url}${webhookPath}`);
    expect(await page.getByTestId("event-row").count()).toBe(2);

    await page.goto(`${app.url}/logs`);
    const accepted = page.getByTestId("event-row").filter({ hasText: svixId });
    expect(await accepted.textContent()).toContain("user.created");
    expect(await accepted.textContent()).toContain("accepted");
    expect(await page.getByTestId("event-row").filter({ hasText: "invalid_signature" }).count()).toBe(1);
    await screenshot(page, "log");

    await page.goto(`${app.url}/logs?outcome=rejected`);
    expect(await page.getByTestId("event-row").count()).toBe(1);

    await page.goto(`${app.url}/logs`);
    await accepted.getByRole("link").click();
    await page.waitForURL(/\/logs\/evt_/);
    eventPath = new URL(page.url()).pathname;
    expect(await page.getByTestId("payload").textContent()).toContain('"email_address": "ada@example.com"');
    expect(await page.content()).toContain("[redacted]");
    await screenshot(page, "log-detail");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/signin/);
    await page.goto(`${app.url}/logs`);
    await page.waitForURL(/\/signin/);
    await page.close();
  });

  it("keeps another account away from the first account's webhook and events", async () => {
    const page = await browser.newPage();
    await signUp(page, "intruder@example.com");
    for (const path of [webhookPath, eventPath]) {
      const response = await page.goto(`${app.url}${path}`);
      expect(response?.status()).toBe(404);
      expect(await reaches(page.getByText("We couldn’t find that page"))).toBe(true);
    }
    await page.goto(`${app.url}/logs`);
    expect(await page.getByTestId("event-row").count()).toBe(0);
    await page.goto(`${app.url}/webhooks`);
    expect(await reaches(page.getByText("No webhooks yet"))).toBe(true);
    await page.close();
  });
});

describe("managing a webhook", () => {
  it("renames, deactivates (requests then get 409), reactivates and deletes a webhook with its events", async () => {
    const page = await browser.newPage();
    await signUp(page, "manager@example.com");
    await page.getByRole("button", { name: "+ Create Webhook" }).click();
    await page.waitForURL(/\/webhooks\/wh_/);
    const webhookUrl = page.url();
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByRole("button", { name: "Clerk" }).click();
    const ingestUrl = await page.getByLabel("Webhook URL").inputValue();
    await page.getByLabel("Signing Secret").fill(CLERK_SECRET);
    await page.getByRole("button", { name: "Save Configuration" }).click();
    await page.getByText("Signing secret saved").waitFor();

    await page.getByLabel("Name", { exact: true }).fill("Staging Clerk");
    await page.getByLabel("Environment").fill("staging");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("heading", { name: "Staging Clerk" }).waitFor();
    expect(await page.getByTestId("environment").first().textContent()).toBe("staging");

    await page.getByRole("button", { name: "Deactivate" }).click();
    await page.getByRole("button", { name: "Reactivate" }).waitFor();
    const body = clerkEvent("session.created");
    const refused = await fetch(ingestUrl, { method: "POST", headers: signedHeaders(body), body });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("webhook_inactive");

    await page.getByRole("button", { name: "Reactivate" }).click();
    await page.getByRole("button", { name: "Deactivate" }).waitFor();
    const accepted = await fetch(ingestUrl, { method: "POST", headers: signedHeaders(body), body });
    expect(accepted.status).toBe(200);
    await page.reload();
    expect(await page.getByTestId("event-row").count()).toBe(2);
    await screenshot(page, "webhook-with-requests");

    await page.getByRole("button", { name: "Delete webhook…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await reaches(dialog, "hidden")).toBe(true);
    await page.getByRole("button", { name: "Delete webhook…" }).click();
    await screenshot(page, "webhook-delete-confirm");
    await dialog.getByRole("button", { name: "Delete webhook" }).click();
    await page.waitForURL(`${app.url}/webhooks`);
    expect(await reaches(page.getByText("No webhooks yet"))).toBe(true);
    expect((await page.goto(webhookUrl))?.status()).toBe(404);
    await page.goto(`${app.url}/logs`);
    expect(await page.getByTestId("event-row").count()).toBe(0);
    const gone = await fetch(ingestUrl, { method: "POST", headers: signedHeaders(body), body });
    expect(gone.status).toBe(404);
    await page.close();
  });
});
