import pg from "pg";
import { logUnexpected } from "../errors";
import { WORK_CHANNEL, wakeWorkers } from "./wake-workers";

const RECONNECT_MS = 2000;

/**
 * On PostgreSQL, wakes this process's workers whenever any process announces work (LISTEN on the
 * channel announceWork() notifies), so a worker in its own process starts an alert within milliseconds
 * instead of at its next poll. The connection is re-opened when it drops; polling covers the gap.
 */
export function listenForWork(databaseUrl: string): { close(): Promise<void> } {
  let client: pg.Client | undefined;
  let isClosed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", () => wakeWorkers());
    next.on("error", (error) => {
      logUnexpected("work notifications", error);
      reconnect(next);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${WORK_CHANNEL}`);
      if (isClosed) return void next.end().catch(() => {});
      client = next;
      // Work announced while this connection was down is found now rather than at the next poll.
      wakeWorkers();
    } catch (error) {
      logUnexpected("work notifications", error);
      reconnect(next);
    }
  };

  const reconnect = (broken: pg.Client) => {
    if (client === broken) client = undefined;
    broken.end().catch(() => {});
    if (isClosed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  };

  void connect();
  return {
    async close() {
      isClosed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
