import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

/** An event's deliveries, oldest first, each with every attempt. */
export async function listDeliveries(db: Db, tenant: Tenant, eventId: string) {
  return db.delivery.findMany({
    where: { eventId, projectId: tenant.projectId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      kind: true,
      trigger: true,
      status: true,
      statusReason: true,
      attemptCount: true,
      nextAttemptAt: true,
      createdAt: true,
      completedAt: true,
      channel: { select: { name: true, kind: true } },
      attempts: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          startedAt: true,
          durationMs: true,
          outcome: true,
          statusCode: true,
          response: true,
          error: true,
        },
      },
    },
  });
}

export type DeliveryListItem = Awaited<ReturnType<typeof listDeliveries>>[number];
