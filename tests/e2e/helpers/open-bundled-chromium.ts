import { chromium } from "playwright-core";
import { unpackChromium } from "../../helpers/unpack-chromium";

// One test process's first use of the npm-installed browser, as its own process:
// `node --import tsx open-bundled-chromium.ts <cache folder>` unpacks (or reuses) the browser, launches
// it at once, renders a page and prints what it saw as JSON.

const launch = await unpackChromium(process.argv[2]);
const browser = await chromium.launch({
  executablePath: launch.executablePath,
  args: ["--no-sandbox", "--disable-gpu"],
  env: { ...(process.env as Record<string, string>), ...launch.env },
});
try {
  const page = await browser.newPage();
  await page.setContent("<p>rendered</p>");
  console.log(JSON.stringify({ executablePath: launch.executablePath, text: await page.textContent("p") }));
} finally {
  await browser.close();
}
