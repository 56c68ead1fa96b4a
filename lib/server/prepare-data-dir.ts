import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

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
  mkdirSync(dataDir, { recursive: true });
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
