import { isatty } from "node:tty";
import pino from "pino";
import { getLogEnv } from "../env";
import { toLogLine } from "./pretty-log-line";
import { redactFields, safeMessage } from "./safe-log-text";

// Every log line Hookbell writes, on every thread (the dashboard's Next.js included, see
// route-console-to-logger.ts), goes through here: one JSON object per line, or a readable line on a
// terminal. Lines are written synchronously to fd 1, so nothing is lost on process.exit and a worker
// thread's lines do not wait for the main thread to relay them.

export type LogFields = Record<string, unknown>;
export type LogLevel = "debug" | "info" | "warn" | "error";

export type Logger = {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A logger whose lines also carry `fields` (a delivery id, a webhook id). */
  child(fields: LogFields): Logger;
};

export type LogSettings = { format: "pretty" | "json"; level: pino.LevelWithSilent };

// Values under these keys never reach a line, whatever they hold.
const REDACTED_KEYS = [
  "password",
  "secret",
  "signingSecret",
  "previousSigningSecret",
  "slackUrl",
  "token",
  "apiKey",
  "authorization",
  "cookie",
  "headers.authorization",
  "headers.cookie",
  "headers['svix-signature']",
  "headers['webhook-signature']",
];

let root: pino.Logger | undefined;
let generation = 0;
let override: { settings: LogSettings; write: (line: string) => void } | undefined;

/** A logger for one part of the product: `createLogger("ingest")`, `createLogger("delivery").child({ id })`. */
export function createLogger(scope: string, bindings: LogFields = {}): Logger {
  // Built on first use, not at import: the start script reads .env (HOOKBELL_LOG_*) after modules load.
  let cached: { generation: number; logger: pino.Logger } | undefined;
  const logger = () => {
    if (cached?.generation !== generation) {
      cached = { generation, logger: rootLogger().child({ scope, ...redactFields(bindings) }) };
    }
    return cached.logger;
  };
  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      const target = logger();
      if (!target.isLevelEnabled(level)) return;
      if (fields) target[level](redactFields(fields), safeMessage(message));
      else target[level](safeMessage(message));
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => createLogger(scope, { ...bindings, ...fields }),
  };
}

/** Tests read the lines a real logger writes, in either format, instead of fd 1. */
export function writeLogsForTests(settings: LogSettings, write: (line: string) => void): () => void {
  override = { settings, write };
  root = undefined;
  generation += 1;
  return () => {
    override = undefined;
    root = undefined;
    generation += 1;
  };
}

function rootLogger(): pino.Logger {
  if (root) return root;
  const settings = override?.settings ?? settingsFromEnv();
  const write = override?.write ?? stdoutWriter();
  const format = settings.format === "pretty" ? toLogLine({ colorize: !override && isatty(1) }) : undefined;
  root = pino(
    {
      level: settings.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_KEYS, censor: "[redacted]" },
      // Errors are already described (and redacted) by redactFields; pino's serializer would re-type them.
      serializers: { err: (value: unknown) => value },
    },
    { write: (line: string) => write(format ? format(line) : line) },
  );
  return root;
}

function settingsFromEnv(): LogSettings {
  const env = getLogEnv();
  return { format: env.HOOKBELL_LOG_FORMAT ?? (isatty(1) ? "pretty" : "json"), level: env.HOOKBELL_LOG_LEVEL };
}

function stdoutWriter(): (line: string) => void {
  const out = pino.destination({ dest: 1, sync: true });
  return (line) => out.write(line);
}
