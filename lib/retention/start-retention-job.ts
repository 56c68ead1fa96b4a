import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import { purgeExpired } from "./purge-expired";

const HOUR = 3_600_000;

/** Runs the retention purge shortly after start and then every hour; returns a stop function. */
export function startRetentionJob(db: Db, log: (line: string) => void, everyMs = HOUR): () => void {
  const run = () =>
    purgeExpired(db)
      .then(({ events, messages }) => {
        if (events + messages > 0)
          log(`Retention: deleted ${events} expired event(s) and ${messages} mailbox message(s).`);
      })
      .catch((error) => logUnexpected("retention purge", error));
  const first = setTimeout(run, 10_000);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
