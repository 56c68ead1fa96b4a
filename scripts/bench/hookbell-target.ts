import { randomBytes } from "node:crypto";
import path from "node:path";
import { freePort, type Spawned, spawnServer, tempFolder } from "./processes";
import { BENCH_SECRET, type BenchSender } from "./request-pool";

// Hookbell as the bench drives it: a fresh data folder (and database), webhooks made through the app's own
// functions (secret, an email channel and a Slack channel each, so ingest stores the event and two outbox
// rows), then Hookbell started as `npm start` runs it (scripts/start.mjs), with the ingest rate limits and alert
// quotas raised.

export type BenchWebhook = { id: string; slackPath: string; sender: BenchSender };
/** Channels on each bench webhook: every accepted event gets this many outbox rows and "not alerted" entries. */
export const BENCH_CHANNELS = 5;

export type HookbellTarget = {
  server: Spawned;
  webhooks: BenchWebhook[];
  databaseUrl: string;
  dataDir: string;
  /** How long the server took to answer, including a dashboard build when the sources changed. */
  startSeconds: number;
  hasBuilt: boolean;
};

const UNLIMITED = "1000000000";

/** One key for the whole run: the bench seals the secrets, the server opens them. */
/**
 * One key for every server a bench run starts: the app's modules read the environment once, so the
 * secrets this process seals for a later server must be sealed with the key that server is given.
 */
export const BENCH_ENCRYPTION_KEYS = `bench:${randomBytes(32).toString("base64")}`;

export async function startHookbell(options: {
  label: string;
  /** Omitted: a SQLite file in the data folder. */
  databaseUrl?: string;
  /** Clerk webhooks, then one webhook connected to each of `otherSenders`, all with the same five channels. */
  webhooks: number;
  otherSenders?: BenchSender[];
  worker: boolean;
  slackOrigin?: string;
  /** Writes a V8 CPU profile of each of the server's threads into this folder when it exits. */
  profileDir?: string;
}): Promise<HookbellTarget> {
  const dataDir = tempFolder(options.label);
  const databaseUrl = options.databaseUrl ?? `file:${path.join(dataDir, "hookbell.db")}`;
  // The app's modules read the environment once, so it is set before they are first loaded.
  process.env.HOOKBELL_ENCRYPTION_KEYS = BENCH_ENCRYPTION_KEYS;
  process.env.HOOKBELL_DATA_DIR ??= dataDir;
  const senders: BenchSender[] = [
    ...Array.from({ length: options.webhooks }, () => "clerk" as const),
    ...(options.otherSenders ?? []),
  ];
  const webhooks = await createWebhooks(databaseUrl, senders);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const server = await spawnServer({
    script: "scripts/start.mjs",
    args: ["server"],
    port,
    readyText: "Dashboard ready",
    nodeArgs: options.profileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`] : [],
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOOKBELL_DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: url,
      HOOKBELL_ENCRYPTION_KEYS: BENCH_ENCRYPTION_KEYS,
      HOOKBELL_EMBEDDED_WORKER: options.worker ? "on" : "off",
      HOOKBELL_INGEST_RATE_PER_WEBHOOK: UNLIMITED,
      HOOKBELL_INGEST_RATE_PER_IP: UNLIMITED,
      // The load generator is one address standing for many senders.
      HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: "1000",
      HOOKBELL_EMAIL_MONTHLY_LIMIT: UNLIMITED,
      HOOKBELL_SLACK_MONTHLY_LIMIT: UNLIMITED,
      // Nothing leaves the machine: no SMTP (email goes to the Dev mailbox), Slack to a local stand-in.
      // Set (even blank) so an .env file in the checkout cannot override them.
      SMTP_URL: "",
      HOOKBELL_SLACK_ORIGIN: options.slackOrigin ?? "http://127.0.0.1:9",
    },
  });
  return {
    server,
    webhooks,
    databaseUrl,
    dataDir,
    startSeconds: Math.round((performance.now() - started) / 100) / 10,
    hasBuilt: server.output().includes("Building the dashboard"),
  };
}

async function createWebhooks(databaseUrl: string, senders: BenchSender[]): Promise<BenchWebhook[]> {
  const { migrateDatabase } = await import("../../lib/db/migrate");
  const { createDb } = await import("../../lib/db/client");
  const { signUp } = await import("../../lib/auth/sign-up");
  const { createWebhook } = await import("../../lib/webhooks/create-webhook");
  const { saveSigningSecret } = await import("../../lib/webhooks/save-signing-secret");
  const { createChannel } = await import("../../lib/channels/create-channel");
  const { randomBase62 } = await import("../../lib/ids");

  await migrateDatabase(databaseUrl);
  const db = createDb(databaseUrl);
  try {
    const tenant = await signUp(db, {
      email: `bench-${randomBase62(8).toLowerCase()}@example.com`,
      password: "correct horse battery staple",
    });
    const webhooks: BenchWebhook[] = [];
    for (const [i, sender] of senders.entries()) {
      const webhook = await createWebhook(db, tenant, `bench-${i}`);
      await saveSigningSecret(db, tenant, webhook.id, { provider: sender, secret: BENCH_SECRET });
      const slackPath = `/services/T0${randomBase62(8)}/B0${randomBase62(8)}/${randomBase62(24)}`;
      const otherSlackUrl = () =>
        `https://hooks.slack.com/services/T0${randomBase62(8)}/B0${randomBase62(8)}/${randomBase62(24)}`;
      // Five channels, four with conditions, as a team routing one endpoint would set up. Two alert on every
      // event (the alert-latency part waits for exactly those Slack posts); the other three are planned and
      // judged for every event but leave the bench's sample events out, so they only add "not alerted" rows.
      await createChannel(db, tenant, webhook.id, { kind: "email", recipients: "ops@example.com" });
      await createChannel(db, tenant, webhook.id, {
        kind: "slack",
        name: "alerts",
        slackUrl: `https://hooks.slack.com${slackPath}`,
        conditions: { type: { $exist: true } },
      });
      await createChannel(db, tenant, webhook.id, {
        kind: "slack",
        name: "security",
        slackUrl: otherSlackUrl(),
        eventTypes: ["session.revoked", "session.removed"],
        conditions: { data: { public_metadata: { role: "admin" } } },
      });
      await createChannel(db, tenant, webhook.id, {
        kind: "email",
        name: "Founders",
        recipients: "founders@example.com",
        eventTypes: ["organization.created"],
        conditions: { data: { members_count: { $gt: 10 } } },
      });
      await createChannel(db, tenant, webhook.id, {
        kind: "slack",
        name: "enterprise",
        slackUrl: otherSlackUrl(),
        conditions: {
          $and: [{ type: { $startsWith: "organization." } }, { data: { public_metadata: { tier: "enterprise" } } }],
        },
      });
      webhooks.push({ id: webhook.id, slackPath, sender });
    }
    return webhooks;
  } finally {
    await db.$disconnect();
  }
}

/**
 * What the server stored: accepted events, their outbox rows (a Delivery row per channel that alerts, a
 * "not alerted" entry on the event per channel that does not), and any duplicates or rejections.
 */
export async function countStored(databaseUrl: string) {
  const { createDb } = await import("../../lib/db/client");
  const { parseNotAlerted } = await import("../../lib/log/not-alerted");
  const db = createDb(databaseUrl);
  try {
    const [accepted, other, alerts] = await Promise.all([
      db.event.count({ where: { outcome: "accepted" } }),
      db.event.count({ where: { outcome: { not: "accepted" } } }),
      db.delivery.count(),
    ]);
    let notAlerted = 0;
    for (let after = ""; ; ) {
      const page = await db.event.findMany({
        where: { id: { gt: after }, notAlerted: { not: null } },
        orderBy: { id: "asc" },
        take: 5000,
        select: { id: true, notAlerted: true },
      });
      if (page.length === 0) break;
      for (const event of page) notAlerted += parseNotAlerted(event.notAlerted).length;
      after = page[page.length - 1].id;
    }
    return { accepted, other, deliveries: alerts + notAlerted };
  } finally {
    await db.$disconnect();
  }
}
