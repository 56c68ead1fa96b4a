import type { LoggerInstance } from "next-auth";
import { createLogger } from "./create-logger";

const log = createLogger("auth");

/**
 * next-auth's `logger` option. Its own logger prints the raw metadata (a callback URL a client wrote,
 * newlines included) with console.error; through ours it is one redacted, escaped line.
 */
export const nextAuthLogger: LoggerInstance = {
  error(code, metadata) {
    const error = metadata instanceof Error ? metadata : metadata?.error;
    const message =
      (metadata instanceof Error ? undefined : (metadata?.message as string | undefined)) ?? error?.message;
    log.error(`next-auth ${code}${message ? `: ${message}` : ""}`, error ? { err: error } : undefined);
  },
  warn(code) {
    log.warn(`next-auth ${code}`);
  },
  debug(code, metadata) {
    log.debug(`next-auth ${code}`, { metadata });
  },
};
