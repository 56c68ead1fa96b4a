import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { type ChromiumLaunch, unpackChromium } from "./unpack-chromium";

// Finds the browser for tests/e2e once, before any test file starts: vitest runs files in parallel
// processes, and each unpacking the npm-installed Chromium on its own raced on the same files.
// Order: CHROMIUM_PATH, the system's chromium, else @sparticuz/chromium (a devDependency).

export type ProvidedChromium = ChromiumLaunch | { error: string };

declare module "vitest" {
  export interface ProvidedContext {
    chromium: ProvidedChromium;
  }
}

const SYSTEM_CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export default async function setup(project: TestProject) {
  project.provide("chromium", await findChromium());
}

async function findChromium(): Promise<ProvidedChromium> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, env: {} };
  const system = SYSTEM_CHROMIUM.find((candidate) => existsSync(candidate));
  if (system) return { executablePath: system, env: {} };
  // Only the browser tests need a browser: an error here is reported by them, not by every test file.
  if (process.platform !== "linux" || process.arch !== "x64") {
    return { error: "No Chromium found: set CHROMIUM_PATH (the npm-installed one runs on Linux x64 only)." };
  }
  try {
    return await unpackChromium();
  } catch (error) {
    return { error: `Could not prepare the npm-installed Chromium: ${(error as Error).message}` };
  }
}
