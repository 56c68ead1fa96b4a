import { newEventId } from "@/lib/ids";
import type { AcceptedEvent } from "@/lib/ingest/ingest-store";
import { clerkEvent } from "./signing";

/** A verified Clerk `user.created` request as ingest hands it to its store, for the store's own tests. */
export function acceptedEvent(projectId: string, webhookId: string, svixId: string): AcceptedEvent {
  return {
    id: newEventId(),
    projectId,
    webhookId,
    receivedAt: new Date(),
    svixId,
    eventType: "user.created",
    eventObject: "event",
    secretSlot: "current",
    headers: "{}",
    body: clerkEvent("user.created"),
    bodySize: 10,
    sourceIp: null,
  };
}
