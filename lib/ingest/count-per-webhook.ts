/**
 * How a batch of stored events moves each webhook's counters: how many it got, and the latest time one was
 * received. (A module of its own: the SQLite writer thread loads it without the rest of ingest.)
 */
export function countPerWebhook(
  stored: { webhookId: string; receivedAt: Date }[],
): Map<string, { count: number; last: Date }> {
  const counters = new Map<string, { count: number; last: Date }>();
  for (const { webhookId, receivedAt } of stored) {
    const counter = counters.get(webhookId);
    if (!counter) counters.set(webhookId, { count: 1, last: receivedAt });
    else {
      counter.count += 1;
      if (receivedAt > counter.last) counter.last = receivedAt;
    }
  }
  return counters;
}
