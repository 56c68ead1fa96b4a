import type { Db } from "../db/client";
import { forgetSessions } from "./session-cache";

/** Ends one of the user's sessions (sign-out, or "Sign out" beside a session in Settings). */
export async function endSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  forgetSessions([sessionId]);
  return count > 0;
}
