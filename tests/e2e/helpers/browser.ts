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
  return watchForCspViolations(
    await chromium.launch({
      executablePath: found.executablePath,
      args: FLAGS,
      env: { ...(process.env as Record<string, string>), ...found.env },
    }),
  );
}

const violationsByPage = new WeakMap<Page, string[]>();

/** What the page's console reported as blocked by the content security policy so far. */
export function cspViolations(page: Page): string[] {
  return violationsByPage.get(page) ?? [];
}

/**
 * Every page of the browser records what Chromium reports as blocked by the content security policy (a
 * script without the page's nonce, an inline handler); audit() fails the page that had any, and closing the
 * browser fails the test file if any page had one, audited or not.
 */
function watchForCspViolations(browser: Browser): Browser {
  const all: string[] = [];
  const watch = (page: Page) => {
    const seen: string[] = [];
    violationsByPage.set(page, seen);
    page.on("console", (message) => {
      if (!/Content Security Policy/i.test(message.text())) return;
      const entry = `${page.url()}: ${message.text()}`;
      seen.push(entry);
      all.push(entry);
    });
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watch(page);
    return page;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on("page", watch);
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async (options) => {
    await close(options);
    if (all.length > 0) throw new Error(`Content Security Policy violations:\n${all.join("\n")}`);
  };
  return browser;
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
