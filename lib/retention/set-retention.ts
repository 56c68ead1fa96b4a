import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

export const RetentionDaysSchema = z.coerce
  .number({ error: "Enter a number of days." })
  .int("Enter a whole number of days.")
  .min(1, "Keep events for at least 1 day.")
  .max(365, "Keep events for at most 365 days.");

export async function setRetention(db: Db, tenant: Tenant, days: unknown): Promise<number> {
  const retentionDays = RetentionDaysSchema.parse(days);
  await db.project.update({ where: { id: tenant.projectId }, data: { retentionDays } });
  await recordAudit(db, tenant, {
    action: "project.retention_changed",
    targetType: "project",
    targetId: tenant.projectId,
    summary: `Events are now kept for ${retentionDays} day${retentionDays === 1 ? "" : "s"}.`,
  });
  return retentionDays;
}

export async function getRetention(db: Db, tenant: Tenant): Promise<number> {
  const project = await db.project.findUniqueOrThrow({
    where: { id: tenant.projectId },
    select: { retentionDays: true },
  });
  return project.retentionDays;
}
