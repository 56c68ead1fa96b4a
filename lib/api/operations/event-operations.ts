import { z } from "zod";
import { getEvent } from "../../log/get-event";
import { listDeliveries } from "../../log/list-deliveries";
import { listEvents } from "../../log/list-events";
import { defineOperation } from "../operation";
import { Id } from "../schemas/common";
import {
  EventDetail,
  EventPage,
  EventQuery,
  encodeCursor,
  toApiEventDetail,
  toApiEventSummary,
} from "../schemas/event";

const EXAMPLE_EVENT = {
  id: "evt_01JD8Z3Q4R5S6T7V8W9X0YZABC",
  webhook: { id: "wh_4xY0k1bQ7mN2pR8sT3vW6zA9", name: "Clerk production", environment: "production" },
  received_at: "2026-11-20T09:31:12.345Z",
  outcome: "accepted",
  http_status: 200,
  reason_code: null,
  reason_message: null,
  svix_id: "msg_2p5Xq8Yt1Zr3",
  event_type: "user.created",
  duplicate_count: 0,
};

export const eventOperations = [
  defineOperation({
    id: "listEvents",
    method: "GET",
    path: "/events",
    tag: "Events",
    summary: "List events",
    description:
      "Every request the project's webhooks received — accepted, duplicate or rejected — newest first, " +
      "with each event's alerts. Cursor-paginated: pass `next_cursor` back as `cursor` until it is null.",
    query: EventQuery,
    status: 200,
    response: EventPage,
    responseName: "EventPage",
    errors: [422],
    responseExample: {
      data: [{ ...EXAMPLE_EVENT, alerts: [{ kind: "slack", status: "sent" }] }],
      next_cursor: "ZXZ0XzAxSkQ4WjNRNFI1UzZUN1Y4VzlYMFlaQUJD",
    },
    handler: async ({ db, caller, query }) => {
      const page = await listEvents(
        db,
        caller,
        {
          webhookId: query.webhook_id,
          type: query.type,
          outcome: query.outcome,
          from: query.from,
          to: query.to,
          before: query.cursor,
        },
        query.limit,
      );
      return {
        data: page.events.map(toApiEventSummary),
        next_cursor: page.nextBefore ? encodeCursor(page.nextBefore) : null,
      };
    },
  }),
  defineOperation({
    id: "getEvent",
    method: "GET",
    path: "/events/{eventId}",
    tag: "Events",
    summary: "Get an event with its deliveries and attempts",
    params: z.object({ eventId: Id("event") }),
    status: 200,
    response: EventDetail,
    responseName: "EventDetail",
    errors: [404],
    responseExample: {
      ...EXAMPLE_EVENT,
      headers: { "content-type": "application/json", "svix-id": "msg_2p5Xq8Yt1Zr3", "svix-signature": "[redacted]" },
      body: '{"type":"user.created","object":"event","data":{"id":"user_29w83sxmDNGwOuEthce5gg56FcC"}}',
      body_size: 86,
      body_truncated: false,
      deliveries: [
        {
          id: "dlv_01JD8Z3Q4T0000000000000000",
          kind: "slack",
          channel: { name: "alerts-signups", kind: "slack" },
          trigger: "event",
          status: "sent",
          status_reason: null,
          attempt_count: 1,
          next_attempt_at: null,
          created_at: "2026-11-20T09:31:12.350Z",
          completed_at: "2026-11-20T09:31:12.612Z",
          attempts: [
            {
              id: "att_01JD8Z3Q4V0000000000000000",
              number: 1,
              started_at: "2026-11-20T09:31:12.400Z",
              duration_ms: 212,
              outcome: "sent",
              status_code: 200,
              response: "ok",
              error: null,
            },
          ],
        },
      ],
    },
    handler: async ({ db, caller, params }) => {
      const event = await getEvent(db, caller, params.eventId);
      return toApiEventDetail(event, await listDeliveries(db, caller, event.id));
    },
  }),
];
