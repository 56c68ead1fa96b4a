import type { Db } from "../db/client";

export type SessionView = { id: string; device: string; address: string | null; lastSeenAt: Date; createdAt: Date };

/** The user's signed-in browsers, most recently seen first. */
export async function listSessions(db: Db, userId: string): Promise<SessionView[]> {
  return db.session.findMany({
    where: { userId },
    select: { id: true, device: true, address: true, lastSeenAt: true, createdAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: 100,
  });
}
