import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { announceWork } from "./wake-workers";

export const RETRYABLE_STATUSES = ["failed", "retrying", "skipped"];

/** "Retry now": the delivery is due at once, keeping its attempt history. */
export async function retryDelivery(db: Db, tenant: Tenant, deliveryId: string, now = new Date()): Promise<void> {
  const { count } = await db.delivery.updateMany({
    where: { id: deliveryId, projectId: tenant.projectId, status: { in: RETRYABLE_STATUSES } },
    // A manual retry gets a fresh retry budget; the attempt history is kept and keeps counting. It is a
    // send like any other: it takes an alert from the quota again (usageMonth cleared), whatever the
    // earlier attempts used.
    data: {
      usageMonth: null,
      status: "pending",
      statusReason: null,
      nextAttemptAt: now,
      completedAt: null,
      leaseToken: null,
      pacedSlotAt: null,
      attemptCount: 0,
    },
  });
  if (count === 0) {
    const exists = await db.delivery.findFirst({ where: { id: deliveryId, projectId: tenant.projectId } });
    throw exists
      ? new AppError(
          "conflict",
          "Only failed, skipped or retrying alerts can be retried; this one is in progress or sent.",
        )
      : new AppError("not_found", "Delivery not found.");
  }
  announceWork(db);
}
