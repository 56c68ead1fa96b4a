import type { Page } from "playwright-core";

/** Signs up through the real form, lands on the overview, and opens Manage Webhooks. */
export async function signUp(page: Page, appUrl: string, email: string): Promise<void> {
  await page.goto(`${appUrl}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(`${appUrl}/overview`);
  await page.goto(`${appUrl}/webhooks`);
}
