import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "./helpers/app-server";
import { audit } from "./helpers/audit";
import { launchBrowser, reaches } from "./helpers/browser";

// Sessions as the server keeps them: a copied cookie stops working at sign-out, Settings lists the
// signed-in browsers and signs them out, a password change ends the others, and a deep link opened while
// signed out comes back after sign-in or sign-up (only to a path on this site).

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "velvet thunder orchard compass";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Cookies from a response, as one Cookie header (name=value pairs only). */
function cookiesOf(response: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.split("=")[0], pair] as const),
  );
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";")[0];
    jar.set(pair.split("=")[0], pair);
  }
  return [...jar.values()].join("; ");
}

async function csrf(cookie = ""): Promise<{ token: string; cookie: string }> {
  const response = await fetch(`${app.url}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: cookiesOf(response, cookie) };
}

/** Signs in as a script would, through next-auth's credentials endpoint; returns the cookies it set. */
async function signInOverHttp(email: string, password: string, userAgent = FIREFOX): Promise<string> {
  const { token, cookie } = await csrf();
  const response = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "user-agent": userAgent },
    body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
  });
  const cookies = cookiesOf(response, cookie);
  expect(cookies, "next-auth set a session cookie").toContain("next-auth.session-token=");
  return cookies;
}

async function sessionUser(cookie: string): Promise<string | undefined> {
  const response = await fetch(`${app.url}/api/auth/session`, { headers: { cookie } });
  return ((await response.json()) as { user?: { email?: string } }).user?.email;
}

async function overviewStatus(cookie: string): Promise<number> {
  return (await fetch(`${app.url}/overview`, { headers: { cookie }, redirect: "manual" })).status;
}

async function signUpInBrowser(target: Page, email: string): Promise<void> {
  await target.goto(`${app.url}/signup`);
  await target.getByLabel("Email").fill(email);
  await target.getByLabel("Password").fill(PASSWORD);
  await target.getByRole("button", { name: "Create account" }).click();
  await target.waitForURL(`${app.url}/overview`);
}

describe("signing out", () => {
  it("ends the session on the server: a copied cookie no longer answers /api/auth/session or opens /overview", async () => {
    await signUpInBrowser(page, "copied@example.com");
    const cookie = await signInOverHttp("copied@example.com", PASSWORD);
    expect(await sessionUser(cookie)).toBe("copied@example.com");
    expect(await overviewStatus(cookie)).toBe(200);

    const { token, cookie: withCsrf } = await csrf(cookie);
    const signOut = await fetch(`${app.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: withCsrf },
      body: new URLSearchParams({ csrfToken: token, json: "true" }),
    });
    expect(signOut.status).toBeLessThan(400);

    // The captured cookie, replayed after sign-out, is refused.
    expect(await sessionUser(cookie)).toBeUndefined();
    const overview = await fetch(`${app.url}/overview`, { headers: { cookie }, redirect: "manual" });
    expect(overview.status).toBe(307);
    expect(overview.headers.get("location")).toMatch(/\/signin$/);
    // The browser's own session is another one, untouched.
    await page.goto(`${app.url}/overview`);
    expect(new URL(page.url()).pathname).toBe("/overview");
  });

  it("from the header button ends that browser's session", async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(`${app.url}/signin`);
    await other.getByLabel("Email").fill("copied@example.com");
    await other.getByLabel("Password").fill(PASSWORD);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.waitForURL(`${app.url}/overview`);
    const [cookie] = (await context.cookies()).filter((entry) => entry.name === "next-auth.session-token");
    await other.getByRole("button", { name: "Sign out" }).click();
    await other.waitForURL(/\/signin/);
    expect(await sessionUser(`next-auth.session-token=${cookie.value}`)).toBeUndefined();
    await context.close();
  });
});

describe("Settings → Your account", () => {
  it("lists the sessions with device, address, last seen and this device, and signs one out", async () => {
    const firefox = await signInOverHttp("copied@example.com", PASSWORD);
    await page.goto(`${app.url}/settings`);
    const rows = page.getByTestId("session-row");
    expect(await reaches(rows.filter({ hasText: "Firefox on Windows" }))).toBe(true);
    expect(await rows.count()).toBe(2);
    const mine = rows.filter({ hasText: "This device" });
    expect(await mine.textContent()).toContain("Headless Chrome on Linux");
    expect(await mine.textContent()).toMatch(/127\.0\.0\.1 · Last seen \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await audit(page, "page-settings-account")).toEqual([]);

    await page.getByRole("button", { name: /^Sign out Firefox on Windows/ }).click();
    await page.getByText("Signed out Firefox on Windows.").waitFor();
    expect(await sessionUser(firefox)).toBeUndefined();
    expect(await reaches(rows.filter({ hasText: "Firefox on Windows" }), "hidden")).toBe(true);
  });

  it("signs out every other session at once and keeps this one", async () => {
    const others = [
      await signInOverHttp("copied@example.com", PASSWORD),
      await signInOverHttp("copied@example.com", PASSWORD),
    ];
    await page.reload();
    expect(await page.getByTestId("session-row").count()).toBe(3);
    await page.getByRole("button", { name: "Sign out other sessions" }).click();
    await page
      .getByRole("region", { name: /Notifications/ })
      .getByText("Signed out 2 other sessions.")
      .waitFor();
    for (const cookie of others) expect(await sessionUser(cookie)).toBeUndefined();
    expect(await page.getByTestId("session-row").count()).toBe(1);
    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/settings");
    expect(await page.getByTestId("audit-row").filter({ hasText: "account.other_sessions_ended" }).count()).toBe(1);
    expect(await page.getByTestId("audit-row").filter({ hasText: "account.session_ended" }).count()).toBe(1);
  });

  it("changes the password only when it is strong, and signs out the other sessions", async () => {
    const elsewhere = await signInOverHttp("copied@example.com", PASSWORD);
    await page.reload();
    await page.getByLabel("Current password").fill(PASSWORD);
    await page.getByLabel("New password").fill("qwerty1234");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("This is a commonly used password.", { exact: false }).waitFor();
    // Refused: nothing typed is lost and the other session still works.
    expect(await page.getByLabel("Current password").inputValue()).toBe(PASSWORD);
    expect(await sessionUser(elsewhere)).toBe("copied@example.com");

    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText("Password changed. Signed out 1 other session.").waitFor();
    expect(await sessionUser(elsewhere)).toBeUndefined();
    await page.reload();
    expect(new URL(page.url()).pathname).toBe("/settings");
    expect(await page.getByTestId("audit-row").filter({ hasText: "account.password_changed" }).count()).toBe(1);

    expect(await signInOverHttp("copied@example.com", PASSWORD).catch(() => "refused")).toBe("refused");
    expect(await sessionUser(await signInOverHttp("copied@example.com", NEW_PASSWORD))).toBe("copied@example.com");
  });
});

describe("a deep link opened while signed out", () => {
  it("comes back after sign-in", async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(`${app.url}/logs/evt_deeplink?tab=deliveries`);
    await visitor.waitForURL(/\/signin\?/);
    expect(new URL(visitor.url()).searchParams.get("callbackUrl")).toBe("/logs/evt_deeplink?tab=deliveries");
    await visitor.getByLabel("Email").fill("copied@example.com");
    await visitor.getByLabel("Password").fill(NEW_PASSWORD);
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await visitor.waitForURL(`${app.url}/logs/evt_deeplink?tab=deliveries`);
    await context.close();
  });

  it("comes back after signing up from the sign-in page", async () => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(`${app.url}/webhooks`);
    await visitor.waitForURL(/\/signin\?/);
    await visitor.getByRole("link", { name: "Create an account" }).click();
    await visitor.waitForURL(/\/signup\?callbackUrl=%2Fwebhooks$/);
    await visitor.getByLabel("Email").fill("deeplink@example.com");
    await visitor.getByLabel("Password").fill(PASSWORD);
    await visitor.getByRole("button", { name: "Create account" }).click();
    await visitor.waitForURL(`${app.url}/webhooks`);
    await context.close();
  });

  it("never leaves the site: another origin falls back to the overview", async () => {
    for (const target of ["//evil.example", "/\\evil.example", "https://evil.example/"]) {
      const context = await browser.newContext();
      const visitor = await context.newPage();
      await visitor.goto(`${app.url}/signin?callbackUrl=${encodeURIComponent(target)}`);
      await visitor.getByLabel("Email").fill("copied@example.com");
      await visitor.getByLabel("Password").fill(NEW_PASSWORD);
      await visitor.getByRole("button", { name: "Sign in" }).click();
      await visitor.waitForURL(`${app.url}/overview`);
      await context.close();
    }
  });
});
