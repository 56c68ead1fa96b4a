import { prettyFactory } from "pino-pretty";

/**
 * Turns a JSON log line into a readable one for a terminal (`12:00:01 INFO [ingest] message {fields}`),
 * in this thread: pino-pretty as a transport would run a thread of its own, and threads cost memory.
 * Whatever pino-pretty does with a field, the result is one line: an inner line break is escaped.
 */
export function toLogLine({ colorize }: { colorize: boolean }): (json: string) => string {
  const prettify = prettyFactory({
    colorize,
    singleLine: true,
    // Errors are printed as the fields they are, on the same line, not as a multi-line stack.
    errorLikeObjectKeys: [],
    ignore: "pid,hostname,scope",
    translateTime: "SYS:HH:MM:ss",
    messageFormat: "{if scope}[{scope}] {end}{msg}",
  });
  return (json) => `${prettify(json).replace(/\r?\n(?!$)/g, "\\n")}`;
}
