import { whyNotAlerted } from "../channels/why-not-alerted";
import { newTimeOrderedId } from "../ids";
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
 * One outbox row per enabled channel. A channel whose event types or conditions leave the event out still
 * gets a row, marked "filtered" with the reason, so the log says per channel why nobody was alerted.
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
  return channels.map((channel) => {
    const reason = whyNotAlerted(channel, event.eventType, readPayload, budget);
    const isWanted = reason === null;
    return {
      id: newTimeOrderedId("dlv", now.getTime()),
      projectId: event.projectId,
      webhookId: event.webhookId,
      eventId: event.id,
      channelId: channel.id,
      kind: channel.kind,
      trigger,
      status: isWanted ? "pending" : "filtered",
      statusReason: reason,
      nextAttemptAt: isWanted ? now : null,
      completedAt: isWanted ? null : now,
      createdAt: now,
    };
  });
}
