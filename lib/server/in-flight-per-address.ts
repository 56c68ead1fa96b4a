/**
 * How many requests each client address has in progress, with a cap per address. The process-wide cap
 * (HOOKBELL_INGEST_MAX_IN_FLIGHT) keeps a burst out of memory; this one, below it, keeps a single address
 * (slow clients trickling their bodies, a flood from one host) from holding every one of those slots.
 * Entries exist only while an address has a request in progress, so the map stays as small as the load.
 */
export class InFlightPerAddress {
  private readonly counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Takes a slot for `address`; false when it already has `limit` requests in progress. */
  enter(address: string): boolean {
    const count = this.counts.get(address) ?? 0;
    if (count >= this.limit) return false;
    this.counts.set(address, count + 1);
    return true;
  }

  leave(address: string): void {
    const count = this.counts.get(address) ?? 0;
    if (count <= 1) this.counts.delete(address);
    else this.counts.set(address, count - 1);
  }
}
