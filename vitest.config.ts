import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:pg` sets HOOKBELL_TEST_DATABASE=postgresql: the same suite on PostgreSQL 15, one throwaway
// server for the run (each test file gets a fresh database on it), plus tests/pg/ (many worker processes).
const isPostgresRun = process.env.HOOKBELL_TEST_DATABASE === "postgresql";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    setupFiles: ["tests/helpers/setup-env.ts"],
    // The browser for tests/e2e is found (and the npm-installed one unpacked) once, before any file runs.
    globalSetup: [
      "tests/helpers/chromium-global-setup.ts",
      ...(isPostgresRun ? ["tests/helpers/postgres-global-setup.ts"] : []),
    ],
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(isPostgresRun ? [] : ["tests/pg/**"])],
    // A timeout only bounds a hang (speed goals live in `npm run bench`): on two busy cores a browser test's
    // first visit to a page, which loads its server code, can take well over 20 s.
    testTimeout: 60_000,
    hookTimeout: 240_000,
    pool: "forks",
  },
});
