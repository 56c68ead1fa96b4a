import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { forgetOtherSessions } from "./session-cache";
import type { Tenant } from "./tenant";

/** "Sign out other sessions": ends every session of the user but the one asking. Returns how many ended. */
export async function endOtherSessions(db: Db, tenant: Tenant & { sessionId: string }): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId: tenant.userId, id: { not: tenant.sessionId } } });
  forgetOtherSessions(tenant.userId, tenant.sessionId);
  if (count > 0) {
    await recordAudit(db, tenant, {
      action: "account.other_sessions_ended",
      targetType: "user",
      targetId: tenant.userId,
      summary: `Signed out ${count} other session${count === 1 ? "" : "s"}.`,
    });
  }
  return count;
}
