import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { parseEventBody } from "../templates/template-data";
import { type ConditionDocument, ConditionsField, storedConditions } from "./channel-conditions";
import { EventTypes } from "./channel-input";
import { whyNotAlerted } from "./why-not-alerted";

/** How many of the webhook's latest events the dialog checks a draft against. */
export const WOULD_ALERT_EVENTS = 20;

export type WouldAlert = {
  eventId: string;
  eventType: string | null;
  receivedAt: string;
  alerted: boolean;
  reason?: string;
};

type Draft = { eventTypes: string[] | null; conditions: ConditionDocument | null };
type RecentEvent = { id: string; eventType: string | null; receivedAt: Date; body: string };

/** Which of these events a channel with these event types and conditions alerts on, and why not the others. */
export function wouldAlert(draft: Draft, events: RecentEvent[]): WouldAlert[] {
  const channel = {
    eventTypes: draft.eventTypes === null ? null : JSON.stringify(draft.eventTypes),
    conditions: storedConditions(draft.conditions),
  };
  return events.map((event) => {
    // The same judgement ingest makes, so the dialog's answer is the log's.
    const reason = whyNotAlerted(channel, event.eventType, () => parseEventBody(event.body));
    return {
      eventId: event.id,
      eventType: event.eventType,
      receivedAt: event.receivedAt.toISOString(),
      alerted: reason === null,
      ...(reason === null ? {} : { reason }),
    };
  });
}

/** The draft checked against the webhook's last 20 accepted events, newest first. */
export async function checkDraftAgainstRecent(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  raw: { eventTypes: unknown; conditions: unknown },
): Promise<WouldAlert[]> {
  const draft = { eventTypes: EventTypes.parse(raw.eventTypes), conditions: ConditionsField.parse(raw.conditions) };
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { id: true },
  });
  if (!webhook) throw notFound("Webhook");
  const events = await db.event.findMany({
    where: { webhookId, projectId: tenant.projectId, outcome: "accepted" },
    orderBy: { id: "desc" },
    take: WOULD_ALERT_EVENTS,
    select: { id: true, eventType: true, receivedAt: true, body: true },
  });
  return wouldAlert(draft, events);
}
