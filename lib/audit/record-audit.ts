import type { Tenant } from "../auth/tenant";
import type { DbOrTx } from "../db/client";
import { newTimeOrderedId } from "../ids";

export type AuditAction =
  | "webhook.created"
  | "webhook.updated"
  | "webhook.activated"
  | "webhook.deactivated"
  | "webhook.deleted"
  | "webhook.secret_saved"
  | "webhook.secret_replaced"
  | "channel.created"
  | "channel.saved"
  | "channel.turned_on"
  | "channel.turned_off"
  | "channel.secret_rotated"
  | "channel.deleted"
  | "events.replayed"
  | "project.retention_changed"
  | "api_key.created"
  | "api_key.revoked"
  | "account.password_changed"
  | "account.session_ended"
  | "account.other_sessions_ended";

/**
 * One line in the project's audit log. Summaries are written by the callers and never carry a secret:
 * secrets appear only masked (whsec_…abcd), Slack URLs only as "replaced". Takes a transaction's client
 * too, so a change and its audit entry commit together.
 */
export async function recordAudit(
  db: DbOrTx,
  tenant: Tenant,
  entry: { action: AuditAction; targetType: string; targetId?: string; summary: string },
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: tenant.userId }, select: { email: true } });
  await db.auditEntry.create({
    data: {
      id: newTimeOrderedId("aud"),
      projectId: tenant.projectId,
      actorId: tenant.userId,
      actorEmail:
        `${user?.email ?? "unknown"}${tenant.apiKey ? ` via API key “${tenant.apiKey.name}” (${tenant.apiKey.displayPrefix}…)` : ""}`.slice(
          0,
          300,
        ),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      summary: entry.summary.slice(0, 500),
    },
  });
}
