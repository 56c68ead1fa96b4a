import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createTestDatabase } from "./postgres";

// Each test file gets its own data folder and database, before any module reads the environment: a SQLite
// file in that folder, or under `npm run test:pg` a fresh database on the run's PostgreSQL server.
const dataDir = mkdtempSync(path.join(tmpdir(), "hookbell-test-"));
process.env.HOOKBELL_DATA_DIR = dataDir;
process.env.DATABASE_URL =
  process.env.HOOKBELL_TEST_DATABASE === "postgresql"
    ? await createTestDatabase(inject("postgresServerUrl"))
    : `file:${path.join(dataDir, "hookbell.db")}`;
process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret-0123";
process.env.APP_URL = "http://hookbell.test";
