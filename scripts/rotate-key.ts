// `npm run rotate-key`: makes a new encryption key current and re-encrypts every stored secret with it.
// With the default key file, the new key is generated into it (older keys stay, so nothing is locked out).
// With HOOKBELL_ENCRYPTION_KEYS, put the new key first in the list yourself, then run this.
import nextEnv from "@next/env";
import { addKeyToFile, ensureKeyFile, forgetKeyRing, getKeyRing } from "../lib/crypto/key-ring";
import { resealSecrets } from "../lib/crypto/reseal-secrets";
import { getDb } from "../lib/db/client";
import { migrateDatabase } from "../lib/db/migrate";
import { EnvError, getEnv } from "../lib/env";

const log = (line: string) => console.log(`[hookbell rotate-key] ${line}`);

async function main() {
  nextEnv.loadEnvConfig(process.cwd(), false);
  const env = getEnv();
  await migrateDatabase(env.DATABASE_URL);
  if (env.HOOKBELL_ENCRYPTION_KEYS) {
    log(`Using HOOKBELL_ENCRYPTION_KEYS; current key: ${getKeyRing().currentId}.`);
  } else {
    ensureKeyFile(env.HOOKBELL_DATA_DIR, log);
    const id = addKeyToFile(env.HOOKBELL_DATA_DIR);
    forgetKeyRing();
    log(`Added key ${id} to the key file and made it current.`);
  }
  const changed = await resealSecrets(getDb());
  log(
    `Re-encrypted ${changed} stored secret(s) with key ${getKeyRing().currentId}. Running servers pick the new key up on restart.`,
  );
}

main().catch((error) => {
  console.error(`[hookbell rotate-key] ${error instanceof EnvError ? error.message : `failed: ${error}`}`);
  process.exit(1);
});
