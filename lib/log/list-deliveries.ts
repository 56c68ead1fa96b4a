import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { type NotAlerted, notAlertedDate, parseNotAlerted } from "./not-alerted";

const ATTEMPT_FIELDS = {
  id: true,
  number: true,
  startedAt: true,
  durationMs: true,
  outcome: true,
  statusCode: true,
  response: true,
  error: true,
} as const;

/**
 * An event's deliveries, oldest first, each with every attempt; the channels that did not alert (kept on
 * the event, see lib/log/not-alerted.ts) among them as "filtered" with the reason, in planning order.
 */
export async function listDeliveries(db: Db, tenant: Tenant, eventId: string) {
  const [rows, event] = await Promise.all([
    db.delivery.findMany({
      where: { eventId, projectId: tenant.projectId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        kind: true,
        trigger: true,
        status: true,
        statusReason: true,
        attemptCount: true,
        nextAttemptAt: true,
        createdAt: true,
        completedAt: true,
        channel: { select: { name: true, kind: true } },
        attempts: { orderBy: { number: "asc" }, select: ATTEMPT_FIELDS },
      },
    }),
    db.event.findFirst({ where: { id: eventId, projectId: tenant.projectId }, select: { notAlerted: true } }),
  ]);
  const entries = parseNotAlerted(event?.notAlerted ?? null);
  if (entries.length === 0) return rows;
  const channels = await db.channel.findMany({
    where: { id: { in: [...new Set(entries.map((entry) => entry.channelId))] }, projectId: tenant.projectId },
    select: { id: true, name: true, kind: true },
  });
  const channelOf = new Map(channels.map(({ id, ...channel }) => [id, channel]));
  // A deleted channel's entries go with it, as its Delivery rows do (onDelete: Cascade).
  const silent = entries.flatMap((entry) => {
    const channel = channelOf.get(entry.channelId);
    return channel ? [asDelivery(entry, channel)] : [];
  });
  return [...rows, ...silent].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function asDelivery(entry: NotAlerted, channel: { name: string; kind: string }) {
  const at = notAlertedDate(entry);
  return {
    id: entry.id,
    kind: entry.kind,
    trigger: entry.trigger,
    status: "filtered",
    statusReason: entry.reason,
    attemptCount: 0,
    nextAttemptAt: null,
    createdAt: at,
    completedAt: at,
    channel,
    attempts: [] as {
      id: string;
      number: number;
      startedAt: Date;
      durationMs: number;
      outcome: string;
      statusCode: number | null;
      response: string | null;
      error: string | null;
    }[],
  };
}

export type DeliveryListItem = Awaited<ReturnType<typeof listDeliveries>>[number];
