import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env";

// The keys that encrypt secrets at rest. Each key has a short id; stored values name the key that sealed
// them, so a new key can become current while older values still open (`npm run rotate-key` then
// re-seals them). From HOOKBELL_ENCRYPTION_KEYS ("id:base64,id:base64", current first) or, by default,
// from a key file generated once into the data folder.

export type KeyRing = { currentId: string; keys: Map<string, Buffer> };

const KEY_FILE = "encryption-keys";

export function parseKeyRing(text: string, source: string): KeyRing {
  const entries = text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const keys = new Map<string, Buffer>();
  for (const entry of entries) {
    const match = /^([A-Za-z0-9]{1,16}):([A-Za-z0-9+/_-]+={0,2})$/.exec(entry);
    const key = match ? Buffer.from(match[2], "base64") : Buffer.alloc(0);
    if (!match || key.length !== 32) {
      throw new Error(`${source}: each key must look like <id>:<base64 of 32 bytes>.`);
    }
    if (keys.has(match[1])) throw new Error(`${source}: key id ${match[1]} appears twice.`);
    keys.set(match[1], key);
  }
  const currentId = keys.keys().next().value;
  if (!currentId) throw new Error(`${source} holds no key.`);
  return { currentId, keys };
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

/** Generates the first key into the data folder (mode 0600) when none is configured. */
export function ensureKeyFile(dataDir: string, log: (line: string) => void): void {
  if (getEnv().HOOKBELL_ENCRYPTION_KEYS) return;
  const file = keyFilePath(dataDir);
  if (existsSync(file)) return;
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `1:${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process (a worker starting alongside the server) created it first: use that one.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return;
    throw error;
  }
  log(
    `Generated the key that encrypts signing secrets and Slack URLs in ${file} (keep it with the database; set HOOKBELL_ENCRYPTION_KEYS to manage keys yourself).`,
  );
}

/** Adds a new current key to the key file; the old ones stay so existing values still open. */
export function addKeyToFile(dataDir: string): string {
  const file = keyFilePath(dataDir);
  const ring = parseKeyRing(readFileSync(file, "utf8"), file);
  const nextId = String(Math.max(0, ...[...ring.keys.keys()].map((id) => Number(id) || 0)) + 1);
  const lines = [`${nextId}:${randomBytes(32).toString("base64")}`];
  for (const [id, key] of ring.keys) lines.push(`${id}:${key.toString("base64")}`);
  // Written aside and renamed into place, so a process reading the file never sees it half written.
  const staged = `${file}.${process.pid}.tmp`;
  writeFileSync(staged, `${lines.join("\n")}\n`, { mode: 0o600 });
  renameSync(staged, file);
  return nextId;
}

const cache = globalThis as unknown as { hookbellKeyRing?: { source: string; ring: KeyRing } };

export function getKeyRing(): KeyRing {
  const env = getEnv();
  const source = env.HOOKBELL_ENCRYPTION_KEYS ? "HOOKBELL_ENCRYPTION_KEYS" : keyFilePath(env.HOOKBELL_DATA_DIR);
  if (cache.hookbellKeyRing?.source !== source) {
    if (!env.HOOKBELL_ENCRYPTION_KEYS) ensureKeyFile(env.HOOKBELL_DATA_DIR, () => {});
    const text = env.HOOKBELL_ENCRYPTION_KEYS ?? readFileSync(source, "utf8");
    cache.hookbellKeyRing = { source, ring: parseKeyRing(text, source) };
  }
  return cache.hookbellKeyRing.ring;
}

/** After the key file changes (rotation), the next use reads it again. */
export function forgetKeyRing(): void {
  cache.hookbellKeyRing = undefined;
}
