import { z } from "zod";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { eventIdFloor } from "../ids";
import { parseNotAlerted } from "./not-alerted";

export const OUTCOMES = ["accepted", "duplicate", "rejected"] as const;
export const ALERT_STATUSES = ["pending", "sending", "sent", "retrying", "failed", "skipped", "filtered"] as const;
export const RANGES = { today: "Today", "7d": "Last 7 days", "30d": "Last 30 days" } as const;
export type Range = keyof typeof RANGES;

export const EventFilterSchema = z.object({
  webhookId: z.string().max(40).optional().catch(undefined),
  type: z.string().max(200).optional().catch(undefined),
  outcome: z.enum(OUTCOMES).optional().catch(undefined),
  environment: z.string().max(30).optional().catch(undefined),
  // Events with at least one alert in this state.
  alerts: z.enum(ALERT_STATUSES).optional().catch(undefined),
  range: z.enum(["today", "7d", "30d"]).optional().catch(undefined),
  before: z.string().max(40).optional().catch(undefined),
});

/** When a range starts: midnight UTC today, or 7 / 30 days back from now. */
export function rangeStart(range: Range, now = new Date()): Date {
  if (range === "today") return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(now.getTime() - (range === "7d" ? 7 : 30) * 86_400_000);
}

export type EventFilter = z.infer<typeof EventFilterSchema>;

export const PAGE_SIZE = 50;

/** Newest first, keyset-paginated by the time-ordered id: `before` is the last id of the previous page. */
export async function listEvents(
  db: Db,
  tenant: Tenant,
  filter: EventFilter & { from?: Date; to?: Date },
  pageSize = PAGE_SIZE,
) {
  // Ids are time-ordered, so a time range is an id range on the same index as the paging.
  const floors = [
    filter.range ? eventIdFloor(rangeStart(filter.range)) : undefined,
    filter.from ? eventIdFloor(filter.from) : undefined,
  ].filter((id) => id !== undefined);
  const ceilings = [
    filter.before,
    // `to` is inclusive: below the first id of the next millisecond.
    filter.to ? eventIdFloor(new Date(filter.to.getTime() + 1)) : undefined,
  ].filter((id) => id !== undefined);
  const rows = await db.event.findMany({
    where: {
      projectId: tenant.projectId,
      webhookId: filter.webhookId || undefined,
      eventType: filter.type || undefined,
      outcome: filter.outcome,
      id: {
        ...(ceilings.length ? { lt: ceilings.sort()[0] } : {}),
        ...(floors.length ? { gte: floors.sort().at(-1) } : {}),
      },
      webhook: filter.environment ? { environment: filter.environment } : undefined,
      // "filtered": a channel that did not alert, kept on the event itself (lib/log/not-alerted.ts).
      ...(filter.alerts === "filtered"
        ? { notAlerted: { not: null } }
        : { deliveries: filter.alerts ? { some: { status: filter.alerts } } : undefined }),
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
      webhook: { select: { id: true, name: true, environment: true } },
      deliveries: { select: { id: true, kind: true, status: true } },
      notAlerted: true,
    },
  });
  const hasMore = rows.length > pageSize;
  const events = (hasMore ? rows.slice(0, pageSize) : rows).map(({ notAlerted, deliveries, ...event }) => ({
    ...event,
    deliveries: withNotAlerted(deliveries, notAlerted),
  }));
  return { events, nextBefore: hasMore ? events[events.length - 1].id : null };
}

/** An event's alerts and its silent channels, in planning order, as the list shows them. */
function withNotAlerted(deliveries: { id: string; kind: string; status: string }[], stored: string | null) {
  const silent = parseNotAlerted(stored).map((entry) => ({ id: entry.id, kind: entry.kind, status: "filtered" }));
  if (silent.length === 0) return deliveries.map(({ kind, status }) => ({ kind, status }));
  return [...deliveries, ...silent]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ kind, status }) => ({ kind, status }));
}

export type EventListItem = Awaited<ReturnType<typeof listEvents>>["events"][number];

/**
 * The event types this project has seen, for the filter dropdown. GROUP BY runs in the database, reading
 * only the (projectId, id, outcome, eventType) index; Prisma's `distinct` would fetch every event and dedupe
 * in memory.
 */
export async function listEventTypes(db: Db, tenant: Tenant): Promise<string[]> {
  const rows = await db.event.groupBy({
    by: ["eventType"],
    where: { projectId: tenant.projectId, eventType: { not: null } },
    orderBy: { eventType: "asc" },
    take: 200,
  });
  return rows.map((row) => row.eventType).filter((type): type is string => type !== null);
}

/** The environment labels of this project's webhooks, for the filter dropdown. */
export async function listEnvironments(db: Db, tenant: Tenant): Promise<string[]> {
  const rows = await db.webhook.groupBy({
    by: ["environment"],
    where: { projectId: tenant.projectId },
    orderBy: { environment: "asc" },
  });
  return rows.map((row) => row.environment);
}
