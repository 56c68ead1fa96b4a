import type { Tenant } from "../auth/tenant";
import { listPayloadFields, type PayloadField } from "../conditions/list-payload-fields";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { sampleClerkEvent } from "../senders/clerk/clerk-samples";
import { parseEventBody } from "../templates/template-data";

export type ConditionFields = { source: string; fields: PayloadField[] };

/**
 * The fields the condition builder offers: those of this webhook's latest event of the type (the payload
 * the channel will judge), or of the type's sample payload. Scoped by project: another tenant's payload is
 * never read, and another tenant's webhook is "not found".
 */
export async function listConditionFields(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  input: { eventType: string; source: "sample" | "latest" },
): Promise<ConditionFields> {
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { id: true },
  });
  if (!webhook) throw notFound("Webhook");
  if (input.source === "latest") {
    const latest = await db.event.findFirst({
      where: { webhookId, projectId: tenant.projectId, outcome: "accepted", eventType: input.eventType },
      orderBy: { id: "desc" },
      select: { body: true, receivedAt: true },
    });
    if (latest) {
      return {
        source: `Fields of the latest ${input.eventType} event, received ${latest.receivedAt.toISOString()}`,
        fields: listPayloadFields(parseEventBody(latest.body)),
      };
    }
    return {
      source: `No ${input.eventType} event received yet; fields of the sample payload`,
      fields: listPayloadFields(sampleClerkEvent(input.eventType, new Date())),
    };
  }
  return {
    source: `Fields of the sample ${input.eventType} payload`,
    fields: listPayloadFields(sampleClerkEvent(input.eventType, new Date())),
  };
}
