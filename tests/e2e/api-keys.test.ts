import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { audit } from "./helpers/audit";
import { launchBrowser, reaches } from "./helpers/browser";

// Settings → API keys as a user meets it: create a key, see it once, use it, revoke it; and the API
// reference page rendered from the OpenAPI document.

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const listWebhooks = (key: string) =>
  fetch(`${app.url}/api/v1/webhooks`, { headers: { authorization: `Bearer ${key}` } });

describe("API keys in Settings", () => {
  let key = "";

  it("creates a key shown once in full, listed afterwards by its prefix only", async () => {
    await signUp(page, app.url, "keys@example.com");
    await page.goto(`${app.url}/settings`);
    expect(await page.getByText("No API keys yet.").count()).toBe(1);
    // A name past 80 characters is kept whole, with the reason, and refused: nothing is cut silently.
    const longName = `${"Deploys from the main branch ".repeat(3)}pipeline`;
    await page.getByLabel("Key name").fill(longName);
    expect(await page.getByText(`this one has ${longName.length}`).count()).toBe(1);
    await page.getByRole("button", { name: "Create key" }).click();
    expect(await reaches(page.getByText("Keep the name to 80 characters or fewer.", { exact: true }))).toBe(true);
    expect(await page.getByLabel("Key name").inputValue()).toBe(longName);
    expect(await page.getByText("No API keys yet.").count()).toBe(1);
    await page.getByLabel("Key name").fill("CI deploy");
    await page.getByLabel("Expires").selectOption("30");
    await page.getByRole("button", { name: "Create key" }).click();
    const shown = page.getByTestId("new-api-key");
    await shown.waitFor();
    key = (await shown.locator("code").textContent()) ?? "";
    expect(await page.getByLabel("Key name").inputValue()).toBe("");
    expect(key).toMatch(/^hb_live_[0-9A-Za-z]{32}$/);
    const row = page.getByTestId("api-key-row");
    expect(await reaches(row.getByText(`${key.slice(0, 12)}…`))).toBe(true);
    expect(await row.textContent()).toContain("active");
    expect(await row.textContent()).toContain("Last used never");
    expect(await audit(page, "page-settings-api-keys")).toEqual([]);

    // Shown once: after a reload only the prefix remains anywhere on the page.
    await page.reload();
    expect(await page.content()).not.toContain(key.slice(12));
    expect((await listWebhooks(key)).status).toBe(200);
    await page.reload();
    expect(await page.getByTestId("api-key-row").textContent()).not.toContain("Last used never");
  });

  it("revokes a key: the API refuses it at once and the audit log names both changes", async () => {
    await page.getByRole("button", { name: "Revoke API key CI deploy" }).click();
    expect(await reaches(page.getByTestId("api-key-row").getByText("revoked"))).toBe(true);
    const refused = await listWebhooks(key);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { code: "unauthorized", message: "This API key has been revoked." },
    });
    const audit = await page.getByTestId("audit-row").allTextContents();
    expect(audit.some((line) => line.includes("api_key.created") && line.includes("CI deploy"))).toBe(true);
    expect(audit.some((line) => line.includes("api_key.revoked"))).toBe(true);
    expect(audit.join(" ")).not.toContain(key.slice(12));
  });

  it("links to an API reference rendered from the OpenAPI document", async () => {
    await page.getByRole("link", { name: "API reference" }).first().click();
    await page.waitForURL(`${app.url}/settings/api`);
    const document = (await (await fetch(`${app.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const count = Object.values(document.paths).reduce((sum, methods) => sum + Object.keys(methods).length, 0);
    expect(await page.getByTestId("api-operation").count()).toBe(count);
    expect(await page.getByRole("heading", { name: "POST /api/v1/webhooks", exact: true }).count()).toBe(1);
    expect(await page.getByText('"signing_secret": "whsec_').count()).toBeGreaterThan(0);
    expect(await audit(page, "page-api-reference")).toEqual([]);
  });
});
