import { whyNotAlerted } from "../channels/why-not-alerted";
import { newTimeOrderedId } from "../ids";
import type { NotAlerted } from "../log/not-alerted";
import { parseEventBody } from "../templates/template-data";

/**
 * The event being planned. `payload` is the parsed body when the caller already has it (ingest's
 * verification parsed it); otherwise `body` is parsed, once, and only if a channel's conditions need it.
 */
export type PlannedEvent = {
  id: string;
  projectId: string;
  webhookId: string;
  eventType: string | null;
  payload?: unknown;
  body?: string;
};
export type PlannedChannel = { id: string; kind: string; eventTypes: string | null; conditions: string | null };
export type DeliveryTrigger = "event" | "replay";

/**
 * The order every planner reads a webhook's channels in (ingest on either database, replay and its preview),
 * so an event's alerts and its "not alerted" entries always come out in the same order.
 */
export const CHANNEL_PLAN_ORDER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/**
 * An outbox row per enabled channel that alerts, and for each channel whose event types or conditions leave
 * the event out a "not alerted" entry with the reason, so the log says per channel why nobody was alerted.
 * The entries are kept on the event row itself (Event.notAlerted), not as Delivery rows: a webhook with many
 * channels pays for one column, not for a row and four index entries per channel that stays silent.
 */
export function planDeliveries(
  event: PlannedEvent,
  channels: PlannedChannel[],
  now: Date,
  trigger: DeliveryTrigger = "event",
) {
  let payload = event.payload;
  const readPayload = () => {
    if (payload === undefined) payload = parseEventBody(event.body ?? "");
    return payload;
  };
  // One step budget for the event, shared by every channel: a webhook's conditions together cost at most
  // what one condition may (they run inside ingest's transaction, on a thread every tenant shares).
  const budget = { steps: 0 };
  const deliveries: PendingDelivery[] = [];
  const notAlerted: NotAlerted[] = [];
  for (const channel of channels) {
    const reason = whyNotAlerted(channel, event.eventType, readPayload, budget);
    // Both kinds of id come from one time-ordered sequence, so merged by id they keep the channels' order.
    const id = newTimeOrderedId("dlv", now.getTime());
    if (reason === null) {
      deliveries.push({
        id,
        projectId: event.projectId,
        webhookId: event.webhookId,
        eventId: event.id,
        channelId: channel.id,
        kind: channel.kind,
        trigger,
        status: "pending",
        statusReason: null,
        nextAttemptAt: now,
        completedAt: null,
        createdAt: now,
      });
    } else {
      notAlerted.push({ id, channelId: channel.id, kind: channel.kind, trigger, reason, at: now.toISOString() });
    }
  }
  return { deliveries, notAlerted };
}

export type PendingDelivery = {
  id: string;
  projectId: string;
  webhookId: string;
  eventId: string;
  channelId: string;
  kind: string;
  trigger: DeliveryTrigger;
  status: "pending";
  statusReason: null;
  nextAttemptAt: Date;
  completedAt: null;
  createdAt: Date;
};
