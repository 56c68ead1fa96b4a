import type { Browser, Dialog, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "./helpers/accounts";
import { type RunningApp, startApp } from "./helpers/app-server";
import { audit } from "./helpers/audit";
import { launchBrowser, reaches } from "./helpers/browser";

// What a new user met on the webhook pages: double submits, silent truncation, a pill and a table that
// did not fit, a signing-secret form that forgot what was typed, template errors that outlived the
// template, and edits thrown away by Escape, Cancel or a reload.

const LONG_NAME = "Production signups for the customer portal and the partner dashboard, EU region!!"; // 81
const NAME_80 = LONG_NAME.slice(0, 80);
const ENV_30 = "staging eu west customer porta"; // 30, with spaces it could wrap at
// Shaped like a Clerk secret key; the form must say what it is without ever echoing it.
const CLERK_SECRET_KEY = "sk_test_Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0ZwXy";

let app: RunningApp;
let browser: Browser;
let page: Page;
let webhookPath = "";

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await signUp(page, app.url, "newuser@example.com");
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function expectAccessible(name: string) {
  expect(await audit(page, name), name).toEqual([]);
}

/** Collects the browser's confirm() prompts, answering each with the next of `answers`. */
function answerPrompts(answers: boolean[]): { messages: string[]; stop: () => void } {
  const messages: string[] = [];
  const onDialog = (dialog: Dialog) => {
    messages.push(dialog.message());
    void (answers.shift() ? dialog.accept() : dialog.dismiss());
  };
  page.on("dialog", onDialog);
  return { messages, stop: () => page.off("dialog", onDialog) };
}

describe("creating a webhook", () => {
  it("creates one webhook when + Create Webhook is double-clicked", async () => {
    await page.getByRole("button", { name: "+ Create Webhook" }).dblclick();
    await page.waitForURL(/\/webhooks\/wh_/);
    webhookPath = new URL(page.url()).pathname;
    // A second submit, if one slipped through, is answered after the first redirect: give it the time.
    await page.waitForTimeout(1_500);
    await page.goto(`${app.url}/webhooks`);
    expect(await page.locator("tbody tr").count()).toBe(1);
  });
});

describe("name and environment", () => {
  it("keeps a name past the limit as typed and says what the limit is, instead of cutting it", async () => {
    await page.goto(`${app.url}${webhookPath}`);
    const name = page.getByLabel("Name", { exact: true });
    await name.fill(LONG_NAME);
    expect(await name.inputValue()).toBe(LONG_NAME);
    expect(await reaches(page.getByText("81 / 80", { exact: false }), "visible", 3_000)).toBe(true);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Keep the name to 80 characters or fewer").first().waitFor();
    expect(await name.inputValue()).toBe(LONG_NAME);
  });

  it("saves an 80-character name and a 30-character environment, and both fit where they are shown", async () => {
    await page.getByLabel("Name", { exact: true }).fill(NAME_80);
    await page.getByLabel("Environment").fill(ENV_30);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Name and environment saved.").waitFor();

    await page.goto(`${app.url}/webhooks`);
    await page.getByRole("link", { name: NAME_80 }).waitFor();
    const pill = page.getByTestId("environment").first();
    // The pill itself (the badge inside the labelled span): one line of text-xs is about 22 px.
    const pillBox = await pill.locator(":scope > span").boundingBox();
    expect(pillBox?.height ?? 0).toBeGreaterThan(0);
    expect(pillBox?.height ?? 0).toBeLessThan(30);

    // The last column is on screen at 1280 px, not cut off behind a horizontal scroll.
    const lastCell = page.locator("tbody tr").first().locator("td").last();
    const cellBox = await lastCell.boundingBox();
    const tableBox = await page
      .locator("table")
      .first()
      .evaluate((table) => {
        const wrapper = table.parentElement as HTMLElement;
        return { scrolls: wrapper.scrollWidth > wrapper.clientWidth, right: wrapper.getBoundingClientRect().right };
      });
    expect(tableBox.scrolls).toBe(false);
    expect((cellBox?.x ?? 0) + (cellBox?.width ?? 0)).toBeLessThanOrEqual(tableBox.right);
    expect((cellBox?.x ?? 0) + (cellBox?.width ?? 0)).toBeLessThanOrEqual(1280);
    // Cut to fit, the full label is on hover.
    expect(await pill.getAttribute("title")).toBe(ENV_30);
    await expectAccessible("new-user-webhooks-long-names");
  });

  it("keeps a Slack channel name past the limit as typed and says what the limit is", async () => {
    await page.goto(`${app.url}${webhookPath}`);
    await page.getByRole("switch", { name: "Slack Notifications" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Channel name").fill(LONG_NAME);
    expect(await dialog.getByLabel("Channel name").inputValue()).toBe(LONG_NAME);
    await dialog.getByText("Keep the channel name to 80 characters or fewer: this one has 81.").waitFor();
    const prompts = answerPrompts([true]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await reaches(dialog, "hidden", 3_000)).toBe(true);
    prompts.stop();
  });
});

describe("connecting Clerk", () => {
  it("keeps the Clerk choice across a reload before any secret is saved", async () => {
    await page.goto(`${app.url}${webhookPath}`);
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByRole("button", { name: "Clerk" }).click();
    await page.getByLabel("Signing Secret").waitFor();
    await page.reload();
    expect(await reaches(page.getByLabel("Signing Secret"), "visible", 10_000)).toBe(true);
  });

  it("names a pasted Clerk secret key, says where the signing secret is, and keeps what was typed", async () => {
    const field = page.getByLabel("Signing Secret");
    if (!(await field.isVisible())) {
      await page.getByRole("button", { name: "Connect" }).click();
      await page.getByRole("button", { name: "Clerk" }).click();
    }
    await field.fill(CLERK_SECRET_KEY);
    const save = page.getByRole("button", { name: "Save Configuration" });
    // One line of text-sm in a py-2 button is 36 px; wrapped it was 56.
    expect((await save.boundingBox())?.height ?? 0).toBeLessThan(44);
    await save.click();
    const alert = page.getByRole("alert").filter({ hasText: "secret key" });
    await alert.waitFor();
    const message = (await alert.textContent()) ?? "";
    expect(message).toContain("Clerk secret key (sk_…)");
    expect(message).toContain("Webhooks");
    expect(message).toContain("Signing Secret");
    expect(await page.content()).not.toContain(CLERK_SECRET_KEY.slice(8));
    expect(await field.inputValue()).toBe(CLERK_SECRET_KEY);
    await expectAccessible("new-user-secret-error");
  });
});

describe("the template editor", () => {
  async function openEmailDialog() {
    await page.goto(`${app.url}${webhookPath}`);
    await page.getByRole("switch", { name: "Email Notifications" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Recipients").fill("oncall@example.com");
    return dialog;
  }

  async function showEmptySubjectError(dialog: Locator) {
    await dialog.getByLabel("Subject").fill("");
    await dialog.getByRole("button", { name: "Save Configuration" }).click();
    await dialog.getByText("The subject is empty.").first().waitFor();
  }

  it("lists a template error once, though both the preview and the save found it", async () => {
    const dialog = await openEmailDialog();
    await dialog.getByLabel("Subject").fill("");
    await dialog.getByRole("button", { name: "Preview Template" }).click();
    await dialog.getByText("The subject is empty.").first().waitFor();
    await dialog.getByRole("button", { name: "Save Configuration" }).click();
    await dialog.getByText("Fix the template before saving.").waitFor();
    expect(await dialog.getByText("The subject is empty.").count()).toBe(1);
  });

  it("clears a template error once the template changes", async () => {
    const dialog = page.getByRole("dialog");
    await showEmptySubjectError(dialog);
    await dialog.getByLabel("Subject").fill("New signup: {{event.data.first_name}}");
    expect(await reaches(dialog.getByText("The subject is empty."), "hidden", 3_000)).toBe(true);
    expect(await dialog.getByText("Fix the template before saving.").count()).toBe(0);
  });

  it("clears a template error when another preset is chosen", async () => {
    const dialog = page.getByRole("dialog");
    await showEmptySubjectError(dialog);
    await dialog.getByLabel("Template", { exact: true }).selectOption({ label: "User deleted" });
    expect(await reaches(dialog.getByText("The subject is empty."), "hidden", 3_000)).toBe(true);
    await expectAccessible("new-user-template-editor");
  });

  it("asks before Escape or Cancel throws template edits away", async () => {
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Subject").fill("Edited subject");
    const prompts = answerPrompts([false, false, true]);
    await page.keyboard.press("Escape");
    await page.waitForTimeout(300);
    expect(prompts.messages).toHaveLength(1);
    expect(await dialog.getByLabel("Subject").inputValue()).toBe("Edited subject");

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.waitForTimeout(300);
    expect(prompts.messages).toHaveLength(2);
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByRole("button", { name: "Cancel" }).click();
    expect(await reaches(dialog, "hidden", 3_000)).toBe(true);
    expect(prompts.messages).toHaveLength(3);
    expect(prompts.messages[0]).toContain("Discard");
    prompts.stop();
  });

  it("closes an untouched dialog without asking", async () => {
    const prompts = answerPrompts([]);
    await page.getByRole("switch", { name: "Email Notifications" }).click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    expect(await reaches(page.getByRole("dialog"), "hidden", 3_000)).toBe(true);
    expect(prompts.messages).toHaveLength(0);
    prompts.stop();
  });

  it("asks before Back throws the edits away, and goes back when told to", async () => {
    await page.goto(`${app.url}/webhooks`);
    // Reached by a link, as a user does: Back is then the dashboard's own (client-side) navigation.
    await page.getByRole("link", { name: NAME_80 }).click();
    await page.waitForURL(`${app.url}${webhookPath}`);
    await page.getByRole("switch", { name: "Email Notifications" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Recipients").fill("oncall@example.com");
    await dialog.getByLabel("Subject").fill("Edited, then Back");

    const prompts = answerPrompts([false, true]);
    await page.goBack({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(500);
    expect(prompts.messages).toEqual(["Discard your unsaved changes to this channel?"]);
    expect(new URL(page.url()).pathname).toBe(webhookPath);
    expect(await dialog.getByLabel("Subject").inputValue()).toBe("Edited, then Back");

    await page.goBack({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForURL(`${app.url}/webhooks`);
    expect(prompts.messages).toHaveLength(2);
    prompts.stop();
  });

  it("asks before reloading the page with unsaved template edits, and keeps them when told to stay", async () => {
    const dialog = await openEmailDialog();
    await dialog.getByLabel("Subject").fill("Edited before leaving");
    const asked: string[] = [];
    const onDialog = (prompt: Dialog) => {
      asked.push(prompt.type());
      void prompt.dismiss();
    };
    page.on("dialog", onDialog);
    // Staying cancels the reload, so it never finishes.
    await page.reload({ timeout: 4_000 }).catch(() => undefined);
    page.off("dialog", onDialog);
    expect(asked).toEqual(["beforeunload"]);
    expect(await dialog.getByLabel("Subject").inputValue()).toBe("Edited before leaving");
  });
});
