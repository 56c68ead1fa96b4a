import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { findSender } from "@/lib/senders/senders";
import { signUp } from "./accounts";
import type { RunningApp } from "./app-server";
import { reaches, screenshot } from "./browser";

// Connecting a sender as a user would: find it in the Connect picker, follow its steps, paste its secret
// (and its settings), then a request signed with the sender's own library reaches the log and alerts by
// email (Dev mailbox). Each test file runs its cases against its own app.

export type SenderCase = {
  senderId: string;
  /** What the user types into the picker's search. */
  search: string;
  secret: string;
  /** Settings to fill (a text field) or choose (a select's value) by label, for a sender that has them. */
  settings?: Record<string, string>;
  eventType: string;
  /** Text the alert email's subject carries for that event. */
  alertSubject: string;
  body: (eventType: string) => string;
  /** Headers for `body`, signed the way the sender signs, by the sender's own library. */
  sign: (body: string, secret: string) => Record<string, string> | Promise<Record<string, string>>;
};

export async function openConnect(app: RunningApp, page: Page, email: string): Promise<void> {
  await signUp(page, app.url, email);
  await page.getByRole("button", { name: "+ Create Webhook" }).click();
  await page.waitForURL(/\/webhooks\/wh_[0-9A-Za-z]{24}$/);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
}

/** Connects `entry`'s sender through the picker, sends it a signed event, and checks the log and the alert. */
export async function connectAndAlert(app: RunningApp, browser: Browser, entry: SenderCase): Promise<void> {
  const sender = findSender(entry.senderId);
  if (!sender) throw new Error(`${entry.senderId} is not registered`);
  const page = await browser.newPage();
  await openConnect(app, page, `${entry.senderId}@example.com`);
  const webhookPath = new URL(page.url()).pathname;

  await page.getByLabel("Which application sends the events?").fill(entry.search);
  await page.getByRole("button", { name: sender.name, exact: true }).click();
  const panel = page.getByTestId("sender-configuration");
  expect(await panel.getAttribute("data-sender")).toBe(sender.id);
  const steps = await page
    .getByRole("list", { name: /^Where to paste it in / })
    .locator("li")
    .allTextContents();
  expect(steps).toEqual(sender.urlHelp);
  const docs = page.getByRole("link", { name: /docs/ });
  expect(await docs.getAttribute("href")).toBe(sender.docsUrl);
  expect(await docs.getAttribute("target")).toBe("_blank");
  const secretField = page.getByLabel(sender.secret.label, { exact: true });
  expect(await secretField.getAttribute("placeholder")).toBe(sender.secret.placeholder);
  expect(await page.locator("#signing-secret-help").textContent()).toBe(sender.secret.help);
  expect(await page.getByTestId("idempotency-note").textContent()).toContain(
    sender.idempotency ?? `${sender.name} sends no delivery id`,
  );
  for (const [label, value] of Object.entries(entry.settings ?? {})) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((element) => element.tagName)) === "SELECT") await field.selectOption(value);
    else await field.fill(value);
  }
  await screenshot(page, `connect-${sender.id}`);

  await secretField.fill(entry.secret);
  await page.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Signing secret saved").waitFor();
  // The first secret activates the webhook.
  expect(await reaches(page.getByText("Active", { exact: true }).first())).toBe(true);
  expect(await page.getByTestId("webhook-sender").textContent()).toBe(sender.name);
  const ingestUrl = await page.getByLabel("Webhook URL").inputValue();

  await page.getByRole("switch", { name: "Email Notifications" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Recipients").fill("team@example.com");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Email notifications saved and on.").waitFor();
  await page.reload();
  expect(await page.content()).not.toContain(entry.secret);
  await screenshot(page, `connected-${sender.id}`);

  const body = entry.body(entry.eventType);
  const response = await fetch(ingestUrl, { method: "POST", headers: await entry.sign(body, entry.secret), body });
  expect(response.status, await response.clone().text()).toBe(200);
  expect(await response.json()).toEqual({ received: true });

  await page.goto(`${app.url}/logs`);
  const row = page.getByTestId("event-row").first();
  expect(await row.textContent()).toContain(entry.eventType);
  expect(await row.textContent()).toContain("accepted");
  await row.getByRole("link").click();
  await page.waitForURL(/\/logs\/evt_/);
  expect(await page.getByText(sender.name, { exact: true }).count()).toBeGreaterThan(0);
  await screenshot(page, `log-${sender.id}`);

  await page.goto(`${app.url}/mailbox`);
  let rows = page.getByTestId("mailbox-row");
  for (let i = 0; i < 40 && (await rows.count()) === 0; i++) {
    await page.waitForTimeout(250);
    await page.reload();
    rows = page.getByTestId("mailbox-row");
  }
  expect(await rows.count()).toBe(1);
  await rows.first().getByRole("link").click();
  await page.waitForURL(/\/mailbox\/msg_/);
  expect(await page.getByTestId("mail-subject").textContent()).toContain(entry.alertSubject);
  expect(await page.getByTestId("mail-text").textContent()).toContain("View event in Hookbell");
  await screenshot(page, `mail-${sender.id}`);

  await page.goto(`${app.url}/webhooks`);
  const listed = page.getByRole("row").filter({ hasText: sender.name });
  expect(await listed.locator(`[data-logo="${sender.id}"]`).count()).toBe(1);
  await page.goto(`${app.url}${webhookPath}`);
  expect(await page.getByTestId("event-row").count()).toBe(1);
  await page.close();
}
