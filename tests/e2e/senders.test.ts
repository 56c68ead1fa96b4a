import { randomBytes } from "node:crypto";
import { sign as signGitHub } from "@octokit/webhooks-methods";
import type { Browser } from "playwright-core";
import { Webhook as StandardWebhook } from "standardwebhooks";
import Stripe from "stripe";
import { Webhook as SvixWebhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSender } from "@/lib/senders/senders";
import { CLERK_SECRET } from "../helpers/signing";
import { type RunningApp, startApp } from "./helpers/app-server";
import { launchBrowser, reaches, screenshot } from "./helpers/browser";
import { connectAndAlert, openConnect, type SenderCase } from "./helpers/connect-sender";

// Connecting each sender as a user would: find it in the Connect picker, follow its steps, paste its secret,
// then a request signed with the sender's own library reaches the log and alerts by email (Dev mailbox).

const id = () => `msg_${randomBytes(12).toString("hex")}`;

/** The sender's own sample of `type`, as the dashboard's test events send it. */
const sampleOf = (senderId: string) => (type: string) =>
  JSON.stringify(findSender(senderId)?.sample(type, new Date()) ?? {});

// One entry per sender, each request signed by the sender's own library. At most five accounts sign up per
// address (the sign-up limit), so senders with settings are in sender-settings.test.ts, on an app of their own.
const CASES: SenderCase[] = [
  {
    senderId: "stripe",
    search: "payments",
    secret: `whsec_${randomBytes(24).toString("hex")}`,
    eventType: "invoice.payment_failed",
    alertSubject: "Payment failed: $",
    body: sampleOf("stripe"),
    sign: (body, secret) => ({
      "content-type": "application/json",
      "stripe-signature": new Stripe("sk_test_hookbell").webhooks.generateTestHeaderString({ payload: body, secret }),
    }),
  },
  {
    senderId: "github",
    search: "git",
    secret: randomBytes(20).toString("hex"),
    eventType: "pull_request.opened",
    alertSubject: "Pull request #",
    body: sampleOf("github"),
    sign: async (body, secret) => ({
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": crypto.randomUUID(),
      "x-hub-signature-256": await signGitHub(secret, body),
    }),
  },

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

describe("the Connect picker", () => {
  it("filters as you type, groups by category with logos, and picks the first match with Enter", async () => {
    const page = await browser.newPage();
    await openConnect(app, page, "picker@example.com");
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
  it("finds it in the picker, shows its steps, secret and docs, saves the secret, and alerts on a signed request", () =>
    connectAndAlert(app, browser, entry));
});
