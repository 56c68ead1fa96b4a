import type { Db } from "../db/client";
import { newId } from "../ids";
import { describeDevice } from "./describe-device";
import { rememberSession } from "./session-cache";

/** Records a signed-in browser; its id goes into the session cookie (see auth-options.ts). */
export async function startSession(
  db: Db,
  userId: string,
  client: { userAgent?: string | null; address?: string | null },
  now = new Date(),
): Promise<string> {
  const id = newId("ses");
  await db.session.create({
    data: {
      id,
      userId,
      device: describeDevice(client.userAgent),
      address: client.address?.slice(0, 64) || null,
      createdAt: now,
      lastSeenAt: now,
    },
  });
  rememberSession(id, { userId, checkedAt: now.getTime(), lastSeenAt: now.getTime() });
  return id;
}
