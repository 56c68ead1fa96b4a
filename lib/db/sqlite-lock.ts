/**
 * The in-process FIFO lock of one SQLite database. Prisma's queries and transactions take it (see
 * serialized-sqlite-adapter.ts), and so does the ingest fast path when it writes through its own
 * connection: a synchronous better-sqlite3 transaction never starts while a Prisma transaction on the
 * same file is open in this process, which would otherwise wait on a lock this very thread holds.
 */
export class SqliteLock {
  private tail: Promise<void> = Promise.resolve();
  private waiters = 0;

  /** Waits for everything queued before, and returns the function that lets the next one run. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise((resolve) => (release = resolve));
    this.waiters += 1;
    await previous;
    this.waiters -= 1;
    return release;
  }

  /** Whether someone waits for the holder to release (the holder may then stop taking more turns). */
  get isWanted(): boolean {
    return this.waiters > 0;
  }
}
