import { z } from "zod";
import type { getEvent } from "../../log/get-event";
import type { DeliveryListItem } from "../../log/list-deliveries";
import { ALERT_STATUSES, type EventListItem, OUTCOMES } from "../../log/list-events";
import { redactSecrets } from "../../logging/redact-secrets";
import { iso, NullableTimestamp, Timestamp } from "./common";

const CURSOR_ID = /^evt_[0-9A-HJKMNP-TV-Z]{26}$/;

/** Cursors are opaque to clients: the last event id of the page, base64url-encoded. */
export function encodeCursor(eventId: string): string {
  return Buffer.from(eventId).toString("base64url");
}

const Cursor = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const id = Buffer.from(value, "base64url").toString();
    if (!CURSOR_ID.test(id)) {
      ctx.addIssue({ code: "custom", message: "Not a cursor from a previous page: pass next_cursor as it came." });
      return z.NEVER;
    }
    return id;
  });

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const EventQuery = z.strictObject({
  webhook_id: z.string().max(64).optional().describe("Only this webhook's events."),
  type: z.string().max(200).optional().describe("Only this event type, e.g. user.created."),
  outcome: z.enum(OUTCOMES).optional(),
  from: Instant.optional().describe("Received at or after (ISO 8601)."),
  to: Instant.optional().describe("Received at or before (ISO 8601)."),
  cursor: Cursor.optional().describe("next_cursor of the previous page."),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe("Page size, 1–100 (default 50)."),
});

const WebhookRef = z.object({ id: z.string(), name: z.string(), environment: z.string() });

const EventFields = {
  id: z.string().describe("Time-ordered: newer events have greater ids."),
  webhook: WebhookRef,
  received_at: Timestamp,
  outcome: z.enum(OUTCOMES),
  http_status: z.number().int().describe("What Hookbell answered the sender."),
  reason_code: z.string().nullable().describe("Why a request was rejected, e.g. invalid_signature."),
  reason_message: z.string().nullable(),
  svix_id: z.string().nullable(),
  event_type: z.string().nullable(),
  duplicate_count: z.number().int(),
};

export const EventSummary = z.object({
  ...EventFields,
  alerts: z.array(z.object({ kind: z.string(), status: z.enum(ALERT_STATUSES) })),
});

export const EventPage = z.object({
  data: z.array(EventSummary),
  next_cursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page."),
});

const Attempt = z.object({
  id: z.string(),
  number: z.number().int(),
  started_at: Timestamp,
  duration_ms: z.number().int(),
  outcome: z.string().describe("sent | retry | failed"),
  status_code: z.number().int().nullable(),
  response: z.string().nullable(),
  error: z.string().nullable(),
});

export const Delivery = z.object({
  id: z.string(),
  kind: z.string(),
  channel: z.object({ name: z.string(), kind: z.string() }),
  trigger: z.string().describe("event | replay | retry"),
  status: z.enum(ALERT_STATUSES),
  status_reason: z.string().nullable(),
  attempt_count: z.number().int(),
  next_attempt_at: NullableTimestamp,
  created_at: Timestamp,
  completed_at: NullableTimestamp,
  attempts: z.array(Attempt),
});

export const EventDetail = z.object({
  ...EventFields,
  headers: z.record(z.string(), z.string()).describe("As received; signature values redacted."),
  body: z.string().describe("The raw request body as stored (rejected requests: the first 4 KiB)."),
  body_size: z.number().int(),
  body_truncated: z.boolean(),
  deliveries: z.array(Delivery),
});

type EventFields = Pick<
  EventListItem,
  | "id"
  | "webhook"
  | "receivedAt"
  | "outcome"
  | "httpStatus"
  | "reasonCode"
  | "reasonMessage"
  | "svixId"
  | "eventType"
  | "duplicateCount"
>;

/** The fields an event's summary and its detail share. */
function eventFields(event: EventFields) {
  return {
    id: event.id,
    webhook: event.webhook,
    received_at: iso(event.receivedAt),
    outcome: event.outcome as (typeof OUTCOMES)[number],
    http_status: event.httpStatus,
    reason_code: event.reasonCode,
    reason_message: event.reasonMessage,
    svix_id: event.svixId,
    event_type: event.eventType,
    duplicate_count: event.duplicateCount,
  };
}

export function toApiEventSummary(event: EventListItem): z.input<typeof EventSummary> {
  return {
    ...eventFields(event),
    alerts: event.deliveries.map((delivery) => ({
      kind: delivery.kind,
      status: delivery.status as (typeof ALERT_STATUSES)[number],
    })),
  };
}

export function toApiEventDetail(
  event: Awaited<ReturnType<typeof getEvent>>,
  deliveries: DeliveryListItem[],
): z.input<typeof EventDetail> {
  return {
    ...eventFields(event),
    headers: event.headers,
    body: event.body,
    body_size: event.bodySize,
    body_truncated: event.bodyTruncated,
    deliveries: deliveries.map((delivery) => ({
      id: delivery.id,
      kind: delivery.kind,
      channel: delivery.channel,
      trigger: delivery.trigger,
      status: delivery.status as (typeof ALERT_STATUSES)[number],
      status_reason: delivery.statusReason,
      attempt_count: delivery.attemptCount,
      next_attempt_at: iso(delivery.nextAttemptAt),
      created_at: iso(delivery.createdAt),
      completed_at: iso(delivery.completedAt),
      attempts: delivery.attempts.map((attempt) => ({
        id: attempt.id,
        number: attempt.number,
        started_at: iso(attempt.startedAt),
        duration_ms: attempt.durationMs,
        outcome: attempt.outcome,
        status_code: attempt.statusCode,
        // Stored redacted already; redacted again so no future writer can leak a Slack path through here.
        response: attempt.response === null ? null : redactSecrets(attempt.response),
        error: attempt.error === null ? null : redactSecrets(attempt.error),
      })),
    })),
  };
}
