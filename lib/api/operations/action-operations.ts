import { z } from "zod";
import { replayEvent, replayWindow } from "../../delivery/replay-events";
import { retryDelivery } from "../../delivery/retry-delivery";
import { EVENT_TYPE_PATTERN } from "../../senders/event-type-pattern";
import { sendTestEvent } from "../../webhooks/send-test-event";
import { defineOperation } from "../operation";
import { Id, Replayed } from "../schemas/common";

const ReplayWindow = z
  .strictObject({
    from: z.iso.datetime({ offset: true }).describe("Window start, inclusive (ISO 8601)."),
    to: z.iso.datetime({ offset: true }).describe("Window end, inclusive (ISO 8601)."),
  })
  .refine((window) => new Date(window.from) <= new Date(window.to), {
    path: ["to"],
    message: "The window must start before it ends.",
  });

const TestEventRequest = z.strictObject({
  event_type: z
    .string()
    .regex(EVENT_TYPE_PATTERN, "Choose an event type such as user.created.")
    .default("user.created"),
});

const TestEventResult = z.object({
  svix_id: z.string().describe("The svix-id the test request carried; find it in the event list."),
  accepted: z.boolean().describe("Whether Hookbell's ingest endpoint accepted the signed request."),
  ingest_status: z.number().int(),
  ingest_answer: z.string().describe("The ingest endpoint's answer (first 500 characters)."),
});

const RetryResult = z.object({ id: z.string(), status: z.literal("pending") });

export const actionOperations = [
  defineOperation({
    id: "retryDelivery",
    method: "POST",
    path: "/deliveries/{deliveryId}/retry",
    tag: "Actions",
    summary: "Retry a delivery now",
    description:
      "A failed, skipped or retrying alert is due at once with a fresh retry budget; its attempts are kept. " +
      "Other states answer 409.",
    params: z.object({ deliveryId: Id("delivery") }),
    status: 202,
    response: RetryResult,
    responseName: "RetryResult",
    errors: [404, 409],
    responseExample: { id: "dlv_01JD8Z3Q4T0000000000000000", status: "pending" },
    handler: async ({ db, caller, params }) => {
      await retryDelivery(db, caller, params.deliveryId);
      return { id: params.deliveryId, status: "pending" as const };
    },
  }),
  defineOperation({
    id: "replayEvent",
    method: "POST",
    path: "/events/{eventId}/replay",
    tag: "Actions",
    summary: "Replay an event",
    description:
      "Sends an accepted event again to the webhook's channels as they are configured now (filters " +
      "included). Rejected or duplicate requests, or a webhook without an enabled channel, answer 409.",
    params: z.object({ eventId: Id("event") }),
    status: 202,
    response: Replayed,
    responseName: "Replayed",
    errors: [404, 409],
    responseExample: { events: 1, deliveries: 2 },
    handler: async ({ db, caller, params }) => replayEvent(db, caller, params.eventId),
  }),
  defineOperation({
    id: "replayWebhookWindow",
    method: "POST",
    path: "/webhooks/{webhookId}/replay",
    tag: "Actions",
    summary: "Replay a webhook's time window",
    description: "Replays every accepted event received in [from, to], oldest first; at most 1,000 events a time.",
    params: z.object({ webhookId: Id("webhook") }),
    body: ReplayWindow,
    status: 202,
    response: Replayed,
    responseName: "Replayed",
    errors: [404, 409],
    requestExample: { from: "2026-11-20T00:00:00Z", to: "2026-11-20T12:00:00Z" },
    responseExample: { events: 14, deliveries: 28 },
    handler: async ({ db, caller, params, body }) =>
      replayWindow(db, caller, params.webhookId, new Date(body.from), new Date(body.to)),
  }),
  defineOperation({
    id: "sendTestEvent",
    method: "POST",
    path: "/webhooks/{webhookId}/test-events",
    tag: "Actions",
    summary: "Send a test event",
    description:
      "Signs a sample event of the type with the webhook's own secret and posts it to the webhook's public " +
      "URL, so verification, the log and the channels run as for a real request. The webhook must be " +
      "active with a saved secret (else 409).",
    params: z.object({ webhookId: Id("webhook") }),
    body: TestEventRequest,
    bodyOptional: true,
    status: 200,
    response: TestEventResult,
    responseName: "TestEventResult",
    errors: [404, 409],
    requestExample: { event_type: "user.created" },
    responseExample: {
      svix_id: "msg_test_4k2Lp9Qx",
      accepted: true,
      ingest_status: 200,
      ingest_answer: '{"received":true}',
    },
    handler: async ({ db, caller, params, body }) => {
      const result = await sendTestEvent(db, caller, params.webhookId, body.event_type);
      return {
        svix_id: result.svixId,
        accepted: result.status >= 200 && result.status < 300,
        ingest_status: result.status,
        ingest_answer: result.answer,
      };
    },
  }),
];
