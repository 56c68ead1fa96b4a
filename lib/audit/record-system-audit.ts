import type { DbOrTx } from "../db/client";
import { newTimeOrderedId } from "../ids";
import type { AuditAction } from "./record-audit";

/** What Hookbell did by itself, not at anyone's request (an endpoint answered 410 Gone): no acting user. */
export const SYSTEM_ACTOR = "Hookbell (delivery worker)";

/** One line in the project's audit log for a change the worker made; the summary never holds a secret. */
export async function recordSystemAudit(
  db: DbOrTx,
  projectId: string,
  entry: { action: AuditAction; targetType: string; targetId?: string; summary: string },
): Promise<void> {
  await db.auditEntry.create({
    data: {
      id: newTimeOrderedId("aud"),
      projectId,
      actorId: null,
      actorEmail: SYSTEM_ACTOR,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      summary: entry.summary.slice(0, 500),
    },
  });
}
