import { existsSync, readFileSync, statSync } from "node:fs";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import { addKeyToFile, forgetKeyRing, getKeyRing, keyFilePath } from "@/lib/crypto/key-ring";
import { resealSecrets } from "@/lib/crypto/reseal-secrets";
import { channelSecretConfigField, webhookSecretField } from "@/lib/crypto/sealed-fields";
import { open, seal, sealedKeyId } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db/client";
import { sqliteFilePath } from "@/lib/db/sqlite-path";
import { getEnv } from "@/lib/env";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { ingest } from "../delivery/harness";
import { channelSlackUrl, webhookSecrets } from "../helpers/secrets";
import { CLERK_SECRET, OTHER_SECRET } from "../helpers/signing";
import { isPostgresRun, openTestDb, seedTenant } from "../helpers/test-db";

let db: Db;
let tenant: Tenant;
const SLACK_SECRET_PART = "atRestSecretPart0123456789";
const SLACK_URL = `https://hooks.slack.com/services/T0REST000/B0REST000/${SLACK_SECRET_PART}`;

beforeAll(async () => {
  db = await openTestDb();
  tenant = await seedTenant(db);
});

async function rawDatabaseBytes(): Promise<string> {
  if (isPostgresRun) return postgresDump();
  const file = sqliteFilePath(getEnv().DATABASE_URL);
  // The write-ahead log holds recent pages too: a dump of both is what an attacker would get.
  return [file, `${file}-wal`]
    .filter(existsSync)
    .map((path) => readFileSync(path).toString("latin1"))
    .join("\n");
}

/** On PostgreSQL, every row of every table as text: what a dump of the database would hold. */
async function postgresDump(): Promise<string> {
  const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    const rows: string[] = [];
    for (const { name } of tables) {
      const dump = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
      rows.push(...dump.rows.map((entry) => entry.row));
    }
    return rows.join("\n");
  } finally {
    await client.end();
  }
}

describe("secrets at rest", () => {
  it("leaves no signing secret or Slack URL readable in the database file", async () => {
    const webhook = await createWebhook(db, tenant);
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
    await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: OTHER_SECRET });
    await createChannel(db, tenant, webhook.id, { kind: "slack", name: "alerts", slackUrl: SLACK_URL });
    const dump = await rawDatabaseBytes();
    for (const secret of [CLERK_SECRET, OTHER_SECRET]) expect(dump).not.toContain(secret.slice("whsec_".length));
    expect(dump).not.toContain(SLACK_SECRET_PART);
    expect(dump).toContain("enc:v1:");

    // …while the app still reads them: both secrets verify, the URL opens.
    const row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(webhookSecrets(row)).toEqual({ signingSecret: OTHER_SECRET, previousSigningSecret: CLERK_SECRET });
    expect((await ingest(db, webhook.id)).status).toBe(200);
    const channel = await db.channel.findFirstOrThrow({ where: { webhookId: webhook.id } });
    expect(channelSlackUrl(channel)).toBe(SLACK_URL);
  });

  it("keeps the key in a 0600 file in the data folder", () => {
    getKeyRing();
    const file = keyFilePath(getEnv().HOOKBELL_DATA_DIR);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("binds each value to its row and column, and refuses tampered values", () => {
    const field = webhookSecretField("wh_a", "signingSecret");
    const sealed = seal(CLERK_SECRET, field);
    expect(sealed).not.toBe(seal(CLERK_SECRET, field)); // a fresh IV every time
    expect(open(sealed, field)).toBe(CLERK_SECRET);
    expect(() => open(sealed, webhookSecretField("wh_b", "signingSecret"))).toThrow();
    expect(() => open(sealed, webhookSecretField("wh_a", "previousSigningSecret"))).toThrow();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => open(tampered, field)).toThrow();
  });

  it("encrypts values stored before encryption, and re-encrypts everything after a key rotation", async () => {
    const webhook = await createWebhook(db, tenant);
    await db.webhook.update({ where: { id: webhook.id }, data: { signingSecret: CLERK_SECRET, isActive: true } });
    expect(await resealSecrets(db)).toBeGreaterThanOrEqual(1);
    let row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(row.signingSecret).toMatch(/^enc:v1:/);
    expect((await ingest(db, webhook.id)).status).toBe(200);

    const before = getKeyRing().currentId;
    const newId = addKeyToFile(getEnv().HOOKBELL_DATA_DIR);
    forgetKeyRing();
    expect(newId).not.toBe(before);
    const changed = await resealSecrets(db);
    expect(changed).toBeGreaterThanOrEqual(1);
    const webhooks = await db.webhook.findMany({ where: { signingSecret: { not: null } } });
    for (const stored of webhooks) expect(sealedKeyId(stored.signingSecret as string)).toBe(newId);
    row = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(webhookSecrets(row).signingSecret).toBe(CLERK_SECRET);
    expect((await ingest(db, webhook.id)).status).toBe(200);
    expect(await resealSecrets(db)).toBe(0);
  });

  it("seals a channel kind's credentials and re-seals them after a key rotation", async () => {
    const webhook = await createWebhook(db, tenant);
    const credentials = JSON.stringify({ url: "https://discord.com/api/webhooks/1/secret-token-part" });
    const channel = await db.channel.create({
      data: {
        id: "ch_sealed_config",
        projectId: tenant.projectId,
        webhookId: webhook.id,
        kind: "email",
        name: "future kind",
        secretConfig: credentials,
      },
    });
    const field = channelSecretConfigField(channel.id);
    expect(await resealSecrets(db)).toBeGreaterThanOrEqual(1);
    let row = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(row.secretConfig).toMatch(/^enc:v1:/);
    expect(open(row.secretConfig as string, field)).toBe(credentials);

    const newId = addKeyToFile(getEnv().HOOKBELL_DATA_DIR);
    forgetKeyRing();
    expect(await resealSecrets(db)).toBeGreaterThanOrEqual(1);
    row = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(sealedKeyId(row.secretConfig as string)).toBe(newId);
    expect(open(row.secretConfig as string, field)).toBe(credentials);
  });
});
