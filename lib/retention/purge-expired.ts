import type { Db } from "../db/client";
import { eventIdFloor } from "../ids";

const BATCH = 500;

export type Purged = { events: number; messages: number };

/**
 * Deletes every project's events older than its retention period, with their alerts and attempts
 * (foreign-key cascade; the channels that did not alert are a column of the event row), and Dev mailbox messages of the same age. Small batches keep each write short,
 * so ingest is never held up behind a long delete.
 */
export async function purgeExpired(db: Db, now = new Date()): Promise<Purged> {
  const purged: Purged = { events: 0, messages: 0 };
  const projects = await db.project.findMany({ select: { id: true, retentionDays: true } });
  for (const project of projects) {
    const cutoff = new Date(now.getTime() - project.retentionDays * 86_400_000);
    const floor = eventIdFloor(cutoff);
    for (;;) {
      const batch = await db.event.findMany({
        where: { projectId: project.id, id: { lt: floor } },
        select: { id: true },
        take: BATCH,
      });
      if (batch.length === 0) break;
      const { count } = await db.event.deleteMany({ where: { id: { in: batch.map((row) => row.id) } } });
      purged.events += count;
    }
    const { count } = await db.mailboxMessage.deleteMany({
      where: { projectId: project.id, createdAt: { lt: cutoff } },
    });
    purged.messages += count;
  }
  return purged;
}
