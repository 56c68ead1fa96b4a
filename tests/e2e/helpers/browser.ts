import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";

export const SCREENSHOT_DIR = path.join("tests", "e2e", "screenshots");

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Headless Chromium with the network chatter that a closed machine refuses turned off: `CHROMIUM_PATH`
 * when set, else the system's chromium, else the one `npm install` brought (@sparticuz/chromium), as
 * found (and unpacked) once for the whole run by tests/helpers/chromium-global-setup.ts.
 */
export async function launchBrowser(): Promise<Browser> {
  const found = inject("chromium");
  if ("error" in found) throw new Error(found.error);
  // Playwright adds --headless and a fresh temporary profile itself.
  return chromium.launch({
    executablePath: found.executablePath,
    args: FLAGS,
    env: { ...(process.env as Record<string, string>), ...found.env },
  });
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}

/**
 * Waits (up to `timeout`) for the locator to reach `state`; resolves false if it never does.
 * Pages stream, so a check made the instant navigation ends can run before the content arrives.
 */
export async function reaches(
  locator: Locator,
  state: "visible" | "hidden" = "visible",
  timeout = 10_000,
): Promise<boolean> {
  try {
    await locator.first().waitFor({ state, timeout });
    return true;
  } catch {
    return false;
  }
}
