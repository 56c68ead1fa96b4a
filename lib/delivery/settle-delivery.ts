import type { Db } from "../db/client";
import { newTimeOrderedId } from "../ids";
import type { Attempt, Settlement } from "./settlement";
import { releaseQuota } from "./usage-quota";

/** The writes that settle a delivery match this: only the worker holding the lease changes the row. */
export type Fence = { id: string; leaseToken: string; status: "sending" };

/** What settling reads of the delivery's run (the pipeline's context). */
export type SettleTarget = {
  deps: { db: Db; now: () => Date };
  fence: Fence;
  delivery: { projectId: string; kind: string };
  /** The month whose quota unit the delivery holds, if it holds one. */
  usageMonth: string | null;
  /** Attempts in the current retry cycle: a deferred row stays "retrying" once it has had one. */
  cycle: number;
};

/**
 * Writes how the run ended, in one transaction and only while this worker still holds the lease: a worker
 * whose lease ran out (and whose row another worker took over) changes nothing. A delivery that ends
 * without alerting anyone (refused for good, skipped) gives its quota unit back; a failed render keeps it.
 */
export async function settleDelivery(target: SettleTarget, settlement: Settlement): Promise<void> {
  const { deps, fence, delivery } = target;
  const { db } = deps;
  const now = deps.now();
  switch (settlement.kind) {
    case "superseded":
      return;
    case "deferred":
      await db.delivery.updateMany({
        where: fence,
        data: {
          status: target.cycle > 0 ? "retrying" : "pending",
          nextAttemptAt: settlement.until,
          pacedSlotAt: settlement.until,
          leaseToken: null,
        },
      });
      return;
    case "skipped":
      await db.$transaction(async (tx) => {
        const { count } = await tx.delivery.updateMany({
          where: fence,
          data: {
            status: "skipped",
            statusReason: settlement.reason,
            nextAttemptAt: null,
            leaseToken: null,
            pacedSlotAt: null,
            completedAt: now,
            usageMonth: null,
          },
        });
        if (count === 1 && target.usageMonth) {
          await releaseQuota(tx, delivery.projectId, delivery.kind, target.usageMonth);
        }
      });
      return;
    default: {
      const { attempt } = settlement;
      const releases = settlement.kind === "failed" && !settlement.keepsQuota;
      await db.$transaction(async (tx) => {
        const { count } = await tx.delivery.updateMany({
          where: fence,
          data: {
            status: settlement.kind === "retry" ? "retrying" : settlement.kind,
            statusReason: settlement.kind === "sent" ? null : settlement.reason,
            attemptCount: attempt.cycle,
            leaseToken: null,
            pacedSlotAt: null,
            nextAttemptAt: settlement.kind === "retry" ? settlement.at : null,
            completedAt: settlement.kind === "retry" ? null : now,
            ...(releases ? { usageMonth: null } : {}),
          },
        });
        if (count === 0) return;
        await tx.deliveryAttempt.create({ data: attemptRow(fence.id, attempt, now) });
        if (releases && target.usageMonth) {
          await releaseQuota(tx, delivery.projectId, delivery.kind, target.usageMonth);
        }
      });
    }
  }
}

/** The attempt's row; also written on its own when a lost lease is recorded before sending again. */
export function attemptRow(deliveryId: string, attempt: Attempt, now: Date) {
  return {
    id: newTimeOrderedId("att", now.getTime()),
    deliveryId,
    number: attempt.number,
    startedAt: attempt.startedAt,
    durationMs: attempt.durationMs,
    outcome: attempt.outcome,
    statusCode: attempt.statusCode ?? null,
    response: attempt.outcome === "sent" ? (attempt.response ?? null) : null,
    error: attempt.outcome === "sent" ? null : (attempt.error ?? null),
  };
}
