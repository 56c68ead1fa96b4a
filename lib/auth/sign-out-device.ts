import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { endSession } from "./end-session";
import type { Tenant } from "./tenant";

/** "Sign out" beside one of the user's other sessions in Settings. Another user's session is "not found". */
export async function signOutDevice(
  db: Db,
  tenant: Tenant & { sessionId: string },
  sessionId: unknown,
): Promise<string> {
  if (typeof sessionId !== "string" || sessionId.length > 64) throw notFound("Session");
  if (sessionId === tenant.sessionId) {
    throw new AppError("bad_request", "That is this browser: use Sign out at the top of the page.");
  }
  const session = await db.session.findFirst({
    where: { id: sessionId, userId: tenant.userId },
    select: { device: true },
  });
  if (!session || !(await endSession(db, tenant.userId, sessionId))) throw notFound("Session");
  await recordAudit(db, tenant, {
    action: "account.session_ended",
    targetType: "session",
    targetId: sessionId,
    summary: `Signed out a session (${session.device}).`.slice(0, 200),
  });
  return session.device;
}
