import { randomBytes } from "node:crypto";
import type { Browser, Page } from "playwright-core";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSender } from "@/lib/senders/senders";
import { CLERK_SECRET } from "../helpers/signing";
import { signUp } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { launchBrowser, reaches, screenshot } from "./helpers/browser";

// Connecting each sender as a user would: find it in the Connect picker, follow its steps, paste its secret,
// then a request signed with the sender's own library reaches the log and alerts by email (Dev mailbox).

type SenderCase = {
  senderId: string;
  /** What the user types into the picker's search. */
  search: string;
  secret: string;
  /** Settings to fill by label, for a sender that has them. */
  settings?: Record<string, string>;
  eventType: string;
  /** Text the alert email's subject carries for that event. */
  alertSubject: string;
  body: (eventType: string) => string;
  /** Headers for `body`, signed the way the sender signs, by the sender's own library. */
  sign: (body: string, secret: string) => Record<string, string>;
};

const id = () => `msg_${randomBytes(12).toString("hex")}`;

// One entry per sender: Stripe (stripe.webhooks.generateTestHeaderString) and GitHub (@octokit/webhooks-methods
// sign) join here once they are registered.
const CASES: SenderCase[] = [
  {
    senderId: "standard-webhooks",
    search: "stand",
    secret: `whsec_${randomBytes(32).toString("base64")}`,
    eventType: "invoice.paid",
    alertSubject: "invoice.paid",
    body: (type) =>
      JSON.stringify({ type, timestamp: new Date().toISOString(), data: { id: "inv_2pXq7YbKf3", object: "invoice" } }),
    sign: (body, secret) => {
      const messageId = id();
      const now = new Date();
      return {
        "content-type": "application/json",
        "webhook-id": messageId,
        "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
        "webhook-signature": new StandardWebhook(secret).sign(messageId, now, body),
      };
    },
  },
  {
    senderId: "clerk",
    search: "clerk",
    secret: CLERK_SECRET,
    eventType: "user.created",
    alertSubject: "New signup",
    body: (type) =>
      JSON.stringify({
        object: "event",
        type,
        timestamp: Date.now(),
        data: {
          id: "user_29w83sxmDNGwOuEthce5gg56FcC",
          object: "user",
          first_name: "Ada",
          last_name: "Lovelace",
          email_addresses: [{ email_address: "ada@example.com" }],
        },
      }),
    sign: (body, secret) => {
      const messageId = id();
      const now = new Date();
      return {
        "content-type": "application/json",
        "svix-id": messageId,
        "svix-timestamp": String(Math.floor(now.getTime() / 1000)),
        "svix-signature": new SvixWebhook(secret).sign(messageId, now, body),
      };
    },
  },
];

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

async function openConnect(page: Page, email: string): Promise<void> {
  await signUp(page, app.url, email);
  await page.getByRole("button", { name: "+ Create Webhook" }).click();
  await page.waitForURL(/\/webhooks\/wh_[0-9A-Za-z]{24}$/);
  await page.getByRole("button", { name: "Connect", exact: true }).click();
}

describe("the Connect picker", () => {
  it("filters as you type, groups by category with logos, and picks the first match with Enter", async () => {
    const page = await browser.newPage();
    await openConnect(page, "picker@example.com");
    const search = page.getByLabel("Which application sends the events?");
    expect(await search.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await reaches(page.getByRole("button", { name: "Clerk" }))).toBe(true);
    expect(await page.getByRole("heading", { name: "Authentication" }).count()).toBe(1);
    expect(await page.locator('[data-logo="clerk"] svg path').count()).toBe(1);
    await screenshot(page, "connect-picker");

    await search.fill("stand");
    expect(await reaches(page.getByRole("button", { name: "Standard Webhooks" }))).toBe(true);
    expect(await reaches(page.getByRole("button", { name: "Clerk" }), "hidden")).toBe(true);
    expect(await page.getByRole("heading", { name: "Authentication" }).count()).toBe(0);
    await screenshot(page, "connect-picker-search");

    await search.fill("zzz");
    expect(await reaches(page.getByText("No application matches “zzz”."))).toBe(true);
    await page.getByRole("button", { name: "Show all" }).click();
    expect(await reaches(page.getByRole("button", { name: "Standard Webhooks" }))).toBe(true);

    // Keyboard: ArrowDown moves from the search into the list; Enter in the search picks the first match.
    await search.focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-sender"))).toBe("clerk");
    await search.fill("cle");
    await search.press("Enter");
    expect(await page.getByTestId("sender-configuration").getAttribute("data-sender")).toBe("clerk");
    expect(new URL(page.url()).searchParams.get("connect")).toBe("clerk");

    // Change application goes back to the picker.
    await page.getByRole("button", { name: "Change application" }).click();
    expect(await reaches(page.getByLabel("Which application sends the events?"))).toBe(true);
    expect(new URL(page.url()).searchParams.get("connect")).toBeNull();
    await page.close();
  });
});

describe.each(CASES.map((entry) => [entry.senderId, entry] as const))("connecting %s", (_id, entry) => {
  const sender = findSender(entry.senderId);
  if (!sender) throw new Error(`${entry.senderId} is not registered`);

  it("finds it in the picker, shows its steps, secret and docs, saves the secret, and alerts on a signed request", async () => {
    const page = await browser.newPage();
    await openConnect(page, `${entry.senderId}@example.com`);
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
    for (const [label, value] of Object.entries(entry.settings ?? {})) await page.getByLabel(label).fill(value);
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
    const response = await fetch(ingestUrl, { method: "POST", headers: entry.sign(body, entry.secret), body });
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
  });
});
