import { format, stripVTControlCharacters } from "node:util";
import { createLogger, type LogLevel } from "./create-logger";

/**
 * Sends what libraries print with console.* (Next.js on the dashboard thread, next-auth's fallbacks) through
 * the logger: one line each, with a level, secrets redacted and newlines escaped, like Hookbell's own.
 */
// Next's start-up timings ("✓ Running next.config took 1.4ms", "✓ Ready in 300ms"): nothing a user acts on,
// so they are written at debug; Hookbell's own start-up lines say what a user needs.
const NEXT_TIMINGS = /^✓ (Running next\.config|Ready in|Starting)/;

export function routeConsoleToLogger(scope: string): void {
  const log = createLogger(scope);
  const send =
    (level: LogLevel) =>
    (...args: unknown[]): void => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const rest = error ? args.filter((arg) => arg !== error) : args;
      // Next colours its lines for a terminal; the logger decides about colour.
      const message = stripVTControlCharacters(format(...rest)).trim() || error?.message || "";
      const written = level === "info" && NEXT_TIMINGS.test(message) ? "debug" : level;
      log[written](message, error ? { err: error } : undefined);
    };
  console.log = send("info");
  console.info = send("info");
  console.warn = send("warn");
  console.error = send("error");
  console.debug = send("debug");
  console.trace = send("debug");
}
