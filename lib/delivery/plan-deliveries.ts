import { matchesFilter, parseEventFilter } from "../channels/event-filter";
import { newTimeOrderedId } from "../ids";

export type PlannedEvent = { id: string; projectId: string; webhookId: string; eventType: string | null };
export type PlannedChannel = { id: string; kind: string; eventTypes: string | null };
export type DeliveryTrigger = "event" | "replay";

/**
 * One outbox row per enabled channel. A channel whose filter leaves the event out still gets a row, marked
 * "filtered", so the log says why nobody was alerted.
 */
export function planDeliveries(
  event: PlannedEvent,
  channels: PlannedChannel[],
  now: Date,
  trigger: DeliveryTrigger = "event",
) {
  return channels.map((channel) => {
    const isWanted = matchesFilter(parseEventFilter(channel.eventTypes), event.eventType);
    return {
      id: newTimeOrderedId("dlv", now.getTime()),
      projectId: event.projectId,
      webhookId: event.webhookId,
      eventId: event.id,
      channelId: channel.id,
      kind: channel.kind,
      trigger,
      status: isWanted ? "pending" : "filtered",
      statusReason: isWanted
        ? null
        : `Not alerted (filtered): ${event.eventType ?? "this event"} is not in this channel's event filter.`,
      nextAttemptAt: isWanted ? now : null,
      completedAt: isWanted ? null : now,
      createdAt: now,
    };
  });
}
