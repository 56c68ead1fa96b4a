import path from "node:path";
import { z } from "zod";

// Every environment variable Hookbell reads is declared here and nowhere else (see .env.example).
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  HOOKBELL_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .optional(),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce
    .number({ error: "must be a port number between 1 and 65535" })
    .int("must be a port number between 1 and 65535")
    .min(1, "must be a port number between 1 and 65535")
    .max(65535, "must be a port number between 1 and 65535")
    .default(3000),
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://hookbell.example.com" })
    .optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  HOOKBELL_REJECTED_LOG_LIMIT: z.coerce.number().int().min(10).max(1_000_000).default(1000),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "must look like smtp://user:password@host:587 or smtps://host:465" })
    .optional(),
  SMTP_FROM: z.string().min(3).default("Hookbell <alerts@hookbell.localhost>"),
  HOOKBELL_EMAIL_MONTHLY_LIMIT: z.coerce.number().int().min(0).default(100),
  HOOKBELL_SLACK_MONTHLY_LIMIT: z.coerce.number().int().min(0).optional(),
  HOOKBELL_SIGNED_WEBHOOK_MONTHLY_LIMIT: z.coerce.number().int().min(0).optional(),
  HOOKBELL_WORKER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  HOOKBELL_WORKER_POLL_SECONDS: z.coerce.number().int().min(1).max(300).default(1),
  HOOKBELL_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(25),
  HOOKBELL_EMBEDDED_WORKER: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
  HOOKBELL_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(5).default(0),
  HOOKBELL_INGEST_RATE_PER_WEBHOOK: z.coerce.number().positive().default(500),
  HOOKBELL_INGEST_RATE_PER_IP: z.coerce.number().positive().default(500),
  HOOKBELL_INGEST_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(1000),
  HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: z.coerce.number().int().min(1).optional(),
  HOOKBELL_HEADERS_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(10),
  HOOKBELL_BODY_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  HOOKBELL_API_RATE_PER_KEY: z.coerce.number().positive().default(10),
  HOOKBELL_ENCRYPTION_KEYS: z.string().min(10).optional(),
  HOOKBELL_SLACK_ORIGIN: z
    .url({ protocol: /^https?$/, error: "must be an http(s) origin such as https://hooks.slack.com" })
    .default("https://hooks.slack.com"),
  // Stand-ins for the other destinations (tests, self-hosters' experiments, egress proxies): each replaces
  // the scheme and host of the saved URL, never its path; unset sends to the real service.
  HOOKBELL_DISCORD_ORIGIN: z
    .url({ protocol: /^https?$/, error: "must be an http(s) origin such as https://discord.com" })
    .default("https://discord.com"),
  HOOKBELL_TEAMS_ORIGIN: z
    .url({ protocol: /^https?$/, error: "must be an http(s) origin; unset posts to the saved Workflows URL" })
    .optional(),
  HOOKBELL_TELEGRAM_ORIGIN: z
    .url({ protocol: /^https?$/, error: "must be an http(s) origin such as https://api.telegram.org" })
    .default("https://api.telegram.org"),
  // Signed webhooks go to public addresses only; "on" lets them reach private ones (a self-hosted n8n on
  // the same network, a test's local server). Off unless set.
  HOOKBELL_FORWARD_ALLOW_PRIVATE: z.enum(["on", "off"], { error: "must be on or off" }).default("off"),
  // Unset: readable lines on a terminal, JSON lines otherwise (lib/logging/create-logger.ts).
  HOOKBELL_LOG_FORMAT: z.enum(["pretty", "json"], { error: "must be pretty or json" }).optional(),
  HOOKBELL_LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error", "silent"], { error: "must be debug, info, warn, error or silent" })
    .default("info"),
});

export type Env = z.infer<typeof EnvSchema> & {
  DATABASE_URL: string;
  HOOKBELL_SLACK_MONTHLY_LIMIT: number;
  HOOKBELL_SIGNED_WEBHOOK_MONTHLY_LIMIT: number;
  HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: number;
  APP_URL: string;
  databaseProvider: "sqlite" | "postgresql";
};

export class EnvError extends Error {}

// Blank values count as unset so a copied .env.example with empty entries still works.
const withoutBlanks = (source: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(withoutBlanks(source));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const parsed = result.data;
  const perAddress = parsed.HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS;
  if (perAddress !== undefined && perAddress > parsed.HOOKBELL_INGEST_MAX_IN_FLIGHT) {
    throw new EnvError(
      `Invalid environment configuration:\n  - HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS: must be at most HOOKBELL_INGEST_MAX_IN_FLIGHT (${parsed.HOOKBELL_INGEST_MAX_IN_FLIGHT})\nSee .env.example for every variable.`,
    );
  }
  const dataDir = path.resolve(parsed.HOOKBELL_DATA_DIR);
  const databaseUrl = parsed.DATABASE_URL ?? `file:${path.join(dataDir, "hookbell.db")}`;
  return {
    ...parsed,
    HOOKBELL_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    APP_URL: (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ""),
    databaseProvider: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
    // Slack gets three times the email quota unless set on its own.
    HOOKBELL_SLACK_MONTHLY_LIMIT: parsed.HOOKBELL_SLACK_MONTHLY_LIMIT ?? parsed.HOOKBELL_EMAIL_MONTHLY_LIMIT * 3,
    // Signed webhooks feed automations, which see every event: ten times the email quota unless set.
    HOOKBELL_SIGNED_WEBHOOK_MONTHLY_LIMIT:
      parsed.HOOKBELL_SIGNED_WEBHOOK_MONTHLY_LIMIT ?? parsed.HOOKBELL_EMAIL_MONTHLY_LIMIT * 10,
    HOOKBELL_SLACK_ORIGIN: parsed.HOOKBELL_SLACK_ORIGIN.replace(/\/+$/, ""),
    HOOKBELL_DISCORD_ORIGIN: parsed.HOOKBELL_DISCORD_ORIGIN.replace(/\/+$/, ""),
    HOOKBELL_TEAMS_ORIGIN: parsed.HOOKBELL_TEAMS_ORIGIN?.replace(/\/+$/, ""),
    HOOKBELL_TELEGRAM_ORIGIN: parsed.HOOKBELL_TELEGRAM_ORIGIN.replace(/\/+$/, ""),
    // A tenth of the process-wide cap unless set: one address never holds every ingest slot.
    HOOKBELL_INGEST_MAX_IN_FLIGHT_PER_ADDRESS:
      perAddress ?? Math.max(1, Math.floor(parsed.HOOKBELL_INGEST_MAX_IN_FLIGHT / 10)),
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and the start script change variables before first use; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}

const LogEnvSchema = EnvSchema.pick({ HOOKBELL_LOG_FORMAT: true, HOOKBELL_LOG_LEVEL: true });

/**
 * The logger's two settings, read on their own and never cached: the logger must work before .env is
 * loaded and when the rest of the environment is invalid (that error is itself logged). An invalid value
 * here falls back to the defaults; getEnv() reports it at start-up.
 */
export function getLogEnv(): z.infer<typeof LogEnvSchema> {
  const result = LogEnvSchema.safeParse(withoutBlanks(process.env));
  return result.success ? result.data : { HOOKBELL_LOG_LEVEL: "info" };
}
