import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";
import { signUp } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { audit } from "./helpers/audit";
import { launchBrowser, screenshot } from "./helpers/browser";

// A preset email as the team receives it: an email channel on "Automatic" (no SMTP server, so the Dev
// mailbox keeps it), a signed user.created, the event page stating the alert and linking to the mailbox
// copy, and that copy's HTML opened on its own in chromium at phone and desktop width, light and dark.

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

it("states the alert on the event page, links the Dev mailbox copy, and the email reads well on a phone and in dark mode", async () => {
  const page = await browser.newPage();
  await signUp(page, app.url, "founders@example.com");
  await page.getByRole("button", { name: "+ Create Webhook" }).click();
  await page.waitForURL(/\/webhooks\/wh_/);
  await page.getByRole("button", { name: "Connect" }).click();
  await page.getByRole("button", { name: "Clerk" }).click();
  const ingestUrl = await page.getByLabel("Webhook URL").inputValue();
  await page.getByLabel("Signing Secret").fill(CLERK_SECRET);
  await page.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Signing secret saved").waitFor();

  await page.getByRole("switch", { name: "Email Notifications" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Recipients").fill("founders@example.com");
  await dialog.getByRole("button", { name: "Save Configuration" }).click();
  await page.getByText("Email notifications saved and on.").waitFor();

  const body = clerkEvent("user.created", {
    username: "ada",
    email_addresses: [{ id: "idn_1", email_address: "ada@example.com" }],
    primary_email_address_id: "idn_1",
  });
  const response = await fetch(ingestUrl, { method: "POST", headers: signedHeaders(body), body });
  expect(response.status).toBe(200);

  // The event page: the alert in one line at the top, and the email's Dev mailbox copy one click away.
  await page.goto(`${app.url}/logs`);
  await page.getByTestId("event-row").first().getByRole("link").click();
  await page.waitForURL(/\/logs\/evt_/);
  const eventUrl = page.url();
  const mailboxLink = page.getByTestId("mailbox-link");
  for (let i = 0; i < 40 && (await mailboxLink.count()) === 0; i++) {
    await page.waitForTimeout(250);
    await page.reload();
  }
  expect(await page.getByTestId("alert-summary").textContent()).toBe(
    "The alert: New signup: Ada Lovelace (ada@example.com)",
  );
  expect(await page.locator('[data-testid="delivery"][data-kind="email"]').getByTestId("mailbox-link").count()).toBe(1);
  expect(await audit(page, "page-event-alert-summary")).toEqual([]);

  await mailboxLink.click();
  await page.waitForURL(/\/mailbox\/msg_/);
  expect(await page.getByTestId("mail-subject").textContent()).toBe("New signup: Ada Lovelace (ada@example.com)");
  expect(await page.getByTestId("mail-text").textContent()).toContain(`View event in Hookbell: ${eventUrl}`);
  const html = await page.getByTitle("Email body").getAttribute("srcdoc");
  if (!html) throw new Error("the mailbox page shows no email HTML");
  await page.close();

  // The email on its own, as a mail client shows it.
  for (const width of [375, 1280]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const mail = await browser.newPage({ viewport: { width, height: 900 } });
      await mail.emulateMedia({ colorScheme });
      await mail.setContent(html);
      const look = await mail.evaluate(() => {
        const card = document.querySelector(".hb-card") as HTMLElement;
        const button = document.querySelector(".hb-button a") as HTMLElement;
        return {
          scrollWidth: document.documentElement.scrollWidth,
          cardBackground: getComputedStyle(card).backgroundColor,
          cardWidth: card.getBoundingClientRect().width,
          buttonRight: button.getBoundingClientRect().right,
          heading: document.querySelector("h1")?.textContent,
          buttonHref: button.getAttribute("href"),
        };
      });
      expect(look.heading).toBe("Ada Lovelace (ada@example.com) signed up");
      expect(look.buttonHref).toBe(eventUrl);
      expect(look.scrollWidth, `${width} ${colorScheme}`).toBeLessThanOrEqual(width);
      expect(look.buttonRight).toBeLessThanOrEqual(width);
      // Fluid up to 600 px: the card fills a phone and stops at 600 px on a desktop.
      expect(look.cardWidth).toBeLessThanOrEqual(width === 375 ? 375 - 16 : 600);
      expect(look.cardWidth).toBeGreaterThan(width === 375 ? 300 : 590);
      expect(look.cardBackground).toBe(colorScheme === "dark" ? "rgb(22, 24, 31)" : "rgb(255, 255, 255)");
      await screenshot(mail, `email-user-created-${width}-${colorScheme}`);
      await mail.close();
    }
  }
}, 240_000);
