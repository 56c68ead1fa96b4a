import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { cspViolations, screenshot } from "./browser";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export type Violation = { id: string; impact: string; help: string; targets: string[] };

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })) as {
      violations: {
        id: string;
        impact: string;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    };
  });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`).slice(0, 5),
    }));
}

/**
 * Every page the tests visit goes through this: no serious or critical accessibility violation, nothing
 * blocked by the content security policy, and a screenshot at desktop width and at 375 px (phone), both in
 * light and in dark mode for the desktop.
 */
export async function audit(page: Page, name: string): Promise<Violation[]> {
  // Toasts float over the page for a few seconds and would skew the contrast measured for what they
  // cover; the page is checked with them hidden. Hidden, not removed: React owns those nodes, and a toast
  // pulled out of the DOM behind its back leaves the toaster unable to show the next one.
  // Transitions are stopped too: a colour caught mid-fade is not the colour the user reads. Both styles
  // are taken away afterwards, so the page goes on as a user sees it.
  const style = await page.addStyleTag({
    content:
      "*, *::before, *::after { transition: none !important; animation: none !important; } " +
      "[data-sonner-toaster] { display: none !important; }",
  });
  const violations = await seriousViolations(page);
  for (const message of cspViolations(page)) {
    violations.push({ id: "content-security-policy", impact: "critical", help: message, targets: [page.url()] });
  }
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await screenshot(page, `${name}`);
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, `${name}-375`);
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshot(page, `${name}-dark`, { fullPage: false });
  await page.emulateMedia({ colorScheme: "light" });
  await style.evaluate((element) => (element as Element).remove());
  return violations;
}
