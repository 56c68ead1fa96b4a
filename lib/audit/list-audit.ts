import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

/** The project's audit log, newest first. */
export function listAudit(db: Db, tenant: Tenant, take = 100) {
  return db.auditEntry.findMany({
    where: { projectId: tenant.projectId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      actorEmail: true,
      action: true,
      targetType: true,
      targetId: true,
      summary: true,
      createdAt: true,
    },
  });
}
