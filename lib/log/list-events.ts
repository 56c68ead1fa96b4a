import { z } from "zod";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

export const OUTCOMES = ["accepted", "duplicate", "rejected"] as const;

export const EventFilterSchema = z.object({
  webhookId: z.string().max(40).optional().catch(undefined),
  type: z.string().max(200).optional().catch(undefined),
  outcome: z.enum(OUTCOMES).optional().catch(undefined),
  before: z.string().max(40).optional().catch(undefined),
});

export type EventFilter = z.infer<typeof EventFilterSchema>;

export const PAGE_SIZE = 50;

/** Newest first, keyset-paginated by the time-ordered id: `before` is the last id of the previous page. */
export async function listEvents(db: Db, tenant: Tenant, filter: EventFilter, pageSize = PAGE_SIZE) {
  const rows = await db.event.findMany({
    where: {
      projectId: tenant.projectId,
      webhookId: filter.webhookId || undefined,
      eventType: filter.type || undefined,
      outcome: filter.outcome,
      id: filter.before ? { lt: filter.before } : undefined,
    },
    orderBy: { id: "desc" },
    take: pageSize + 1,
    select: {
      id: true,
      receivedAt: true,
      outcome: true,
      httpStatus: true,
      reasonCode: true,
      reasonMessage: true,
      svixId: true,
      eventType: true,
      duplicateCount: true,
      webhook: { select: { id: true, name: true } },
      deliveries: { select: { kind: true, status: true } },
    },
  });
  const hasMore = rows.length > pageSize;
  const events = hasMore ? rows.slice(0, pageSize) : rows;
  return { events, nextBefore: hasMore ? events[events.length - 1].id : null };
}

export type EventListItem = Awaited<ReturnType<typeof listEvents>>["events"][number];

/** The event types this project has seen, for the filter dropdown. */
export async function listEventTypes(db: Db, tenant: Tenant): Promise<string[]> {
  const rows = await db.event.findMany({
    where: { projectId: tenant.projectId, eventType: { not: null } },
    distinct: ["eventType"],
    select: { eventType: true },
    orderBy: { eventType: "asc" },
    take: 200,
  });
  return rows.map((row) => row.eventType).filter((type): type is string => type !== null);
}
