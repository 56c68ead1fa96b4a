import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Each test file gets its own data folder and SQLite file, before any module reads the environment.
const dataDir = mkdtempSync(path.join(tmpdir(), "hookbell-test-"));
process.env.HOOKBELL_DATA_DIR = dataDir;
process.env.DATABASE_URL = `file:${path.join(dataDir, "hookbell.db")}`;
process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret-0123";
process.env.APP_URL = "http://hookbell.test";
