import type { ConditionBudget } from "../conditions/evaluate-condition";
import { type ConditionDocument, failedCondition, parseStoredConditions } from "./channel-conditions";
import { matchesFilter, parseEventFilter } from "./event-filter";

// Conditions are stored as JSON text; a webhook's channels are planned for every event, so each stored
// document is parsed once and kept (bounded: a change writes a new string and the old one ages out).
const parsedConditions = new Map<string, ConditionDocument | null>();
const MAX_PARSED = 1000;

function conditionsOf(stored: string | null): ConditionDocument | null {
  if (stored === null) return null;
  let document = parsedConditions.get(stored);
  if (document === undefined) {
    document = parseStoredConditions(stored);
    if (parsedConditions.size >= MAX_PARSED) parsedConditions.delete(parsedConditions.keys().next().value as string);
    parsedConditions.set(stored, document);
  }
  return document;
}

/**
 * Why a channel does not alert on this event, or null when it does. `budget`: the condition steps this
 * event may still spend, shared by the webhook's channels (see planDeliveries).
 */
export function whyNotAlerted(
  channel: { eventTypes: string | null; conditions: string | null },
  eventType: string | null,
  payload: () => unknown,
  budget?: ConditionBudget,
): string | null {
  if (!matchesFilter(parseEventFilter(channel.eventTypes), eventType)) {
    return eventType === null
      ? "Not alerted: this event has no type, and this channel alerts on chosen event types only."
      : `Not alerted: ${eventType} is not in this channel's event types.`;
  }
  const failed = failedCondition(
    conditionsOf(channel.conditions),
    channel.conditions === null ? null : payload(),
    budget,
  );
  if (failed === null) return null;
  return `Not alerted: condition failed — ${failed}${/[.!?]$/.test(failed) ? "" : "."}`;
}
