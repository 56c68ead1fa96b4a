import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { formatCount } from "../format/format-count";
import { appendNotAlerted } from "../log/not-alerted";
import { CHANNEL_PLAN_ORDER, type PendingDelivery, planDeliveries } from "./plan-deliveries";
import { announceWork } from "./wake-workers";

export const MAX_REPLAY_EVENTS = 1000;

type Replayed = { events: number; deliveries: number };

/** Sends an event again to the webhook's channels as they are configured now (filters included). */
export async function replayEvent(db: Db, tenant: Tenant, eventId: string, now = new Date()): Promise<Replayed> {
  const event = await db.event.findFirst({
    where: { id: eventId, projectId: tenant.projectId },
    select: { id: true, webhookId: true, outcome: true },
  });
  if (!event) throw notFound("Event");
  if (event.outcome !== "accepted") {
    throw new AppError("conflict", "Only accepted events can be replayed; this request was not stored as an event.");
  }
  return replay(db, tenant, event.webhookId, { id: eventId }, now);
}

/**
 * Replays every accepted event a webhook received in [from, to], oldest first. Capped so that one click
 * cannot queue an unbounded flood; a longer window is replayed in parts.
 */
export async function replayWindow(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  from: Date,
  to: Date,
  now = new Date(),
): Promise<Replayed> {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new AppError("validation_failed", "Enter both the start and the end of the window.");
  }
  if (from > to) throw new AppError("validation_failed", "The window must start before it ends.");
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, projectId: tenant.projectId } });
  if (!webhook) throw notFound("Webhook");
  const result = await replay(db, tenant, webhookId, { receivedAt: { gte: from, lte: to } }, now);
  await recordAudit(db, tenant, {
    action: "events.replayed",
    targetType: "webhook",
    targetId: webhookId,
    summary: `Replayed ${formatCount(result.events, "event")} received ${from.toISOString()} – ${to.toISOString()}.`,
  });
  return result;
}

async function replay(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  where: { id?: string; receivedAt?: { gte: Date; lte: Date } },
  now: Date,
): Promise<Replayed> {
  const result = await db.$transaction(async (tx) => {
    const events = await tx.event.findMany({
      where: { ...where, webhookId, projectId: tenant.projectId, outcome: "accepted" },
      orderBy: { id: "asc" },
      take: MAX_REPLAY_EVENTS + 1,
      select: { id: true, projectId: true, webhookId: true, eventType: true, body: true, notAlerted: true },
    });
    if (events.length > MAX_REPLAY_EVENTS) {
      throw new AppError(
        "validation_failed",
        `That window holds more than ${MAX_REPLAY_EVENTS} events; replay a shorter window at a time.`,
      );
    }
    const channels = await tx.channel.findMany({
      where: { webhookId, projectId: tenant.projectId, isEnabled: true },
      orderBy: CHANNEL_PLAN_ORDER,
      select: { id: true, kind: true, eventTypes: true, conditions: true },
    });
    if (channels.length === 0) {
      throw new AppError("conflict", "This webhook has no channel turned on; turn on email or Slack first.");
    }
    const deliveries: PendingDelivery[] = [];
    for (const event of events) {
      const planned = planDeliveries(event, channels, now, "replay");
      deliveries.push(...planned.deliveries);
      // The replay's silent channels join the event's earlier ones, in the same transaction as its alerts.
      if (planned.notAlerted.length > 0) {
        await tx.event.update({
          where: { id: event.id },
          data: { notAlerted: appendNotAlerted(event.notAlerted, planned.notAlerted) },
        });
      }
    }
    if (deliveries.length > 0) await tx.delivery.createMany({ data: deliveries });
    return { events: events.length, deliveries: deliveries.length };
  });
  if (result.deliveries > 0) announceWork(db);
  return result;
}
