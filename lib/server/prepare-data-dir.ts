import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { sqliteFilePath } from "../db/sqlite-path";

const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Makes the data folder this user's alone, before anything is written to it: the folder 0700, the files in
 * it (database, key file, session secret) 0600 and its folders (run/) 0700, also when an older version
 * left them readable by everyone. A SQLite database is created here, empty (an empty file is an empty
 * database), so it never gets the umask's 0644; SQLite gives its -wal and -shm files the database file's
 * own mode. A database file outside the data folder gets 0600 too; folders outside it are left as they are.
 */
export function prepareDataDir(dataDir: string, databaseUrl: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER });
  chmodSync(dataDir, PRIVATE_FOLDER);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const file = path.join(dataDir, entry.name);
    if (entry.isDirectory()) chmodSync(file, PRIVATE_FOLDER);
    else if (entry.isFile()) chmodSync(file, PRIVATE_FILE);
  }
  if (!databaseUrl.startsWith("file:")) return;
  const database = sqliteFilePath(databaseUrl);
  mkdirSync(path.dirname(database), { recursive: true, mode: PRIVATE_FOLDER });
  closeSync(openSync(database, "a", PRIVATE_FILE));
  for (const file of [database, `${database}-wal`, `${database}-shm`, `${database}-journal`]) {
    if (existsSync(file) && lstatSync(file).isFile()) chmodSync(file, PRIVATE_FILE);
  }
}

/**
 * Returns the session-signing secret: NEXTAUTH_SECRET when set, otherwise one generated once into
 * the data folder (mode 0600) so sessions survive restarts with no hand-made .env.
 */
export function loadOrCreateAuthSecret(
  dataDir: string,
  fromEnv: string | undefined,
  log: (line: string) => void,
): string {
  if (fromEnv) return fromEnv;
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_FOLDER });
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length < 32)
      throw new Error(`${file} is damaged (shorter than 32 characters); delete it to generate a new one.`);
    return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  log(`Generated a session secret in ${file} (set NEXTAUTH_SECRET to manage it yourself).`);
  return secret;
}
