import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { changePassword, WRONG_CURRENT_PASSWORD_MESSAGE } from "@/lib/auth/change-password";
import { checkSession } from "@/lib/auth/check-session";
import { endOtherSessions } from "@/lib/auth/end-other-sessions";
import { endSession } from "@/lib/auth/end-session";
import { listSessions } from "@/lib/auth/list-sessions";
import { verifyPassword } from "@/lib/auth/password";
import { signOutDevice } from "@/lib/auth/sign-out-device";
import { startSession } from "@/lib/auth/start-session";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { openTestDb, seedTenant } from "../helpers/test-db";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PASSWORD = "correct horse battery staple";

let db: Db;
let accounts = 0;

beforeAll(async () => {
  db = await openTestDb();
});

async function account(): Promise<Tenant & { email: string }> {
  const email = `sessions${++accounts}-${Date.now()}@example.com`;
  return { ...(await seedTenant(db, email)), email };
}

type JwtCallback = (params: { token: Record<string, unknown> }) => Promise<Record<string, unknown>>;
const jwt = authOptions.callbacks?.jwt as unknown as JwtCallback;

describe("a stored session", () => {
  it("records the device, address and times at sign-in", async () => {
    const user = await account();
    const id = await startSession(db, user.userId, { userAgent: CHROME, address: "203.0.113.5" });
    expect(await listSessions(db, user.userId)).toEqual([
      expect.objectContaining({ id, device: "Chrome on Linux", address: "203.0.113.5" }),
    ]);
  });

  it("keeps next-auth's token only while its row exists: ending it in this process takes effect at once", async () => {
    const user = await account();
    const sid = await startSession(db, user.userId, { userAgent: CHROME, address: "203.0.113.5" });
    const token = { sub: user.userId, projectId: user.projectId, sid };
    expect(await jwt({ token })).toMatchObject({ sub: user.userId, sid });
    expect(await endSession(db, user.userId, sid)).toBe(true);
    const after = await jwt({ token });
    expect(after.sub).toBeUndefined();
    expect(after.sid).toBeUndefined();
  });

  it("refuses a token without a session id (one issued before sessions were stored)", async () => {
    const user = await account();
    expect((await jwt({ token: { sub: user.userId, projectId: user.projectId } })).sub).toBeUndefined();
  });

  it("notices a session ended by another process once its short cache expires", async () => {
    const user = await account();
    const now = Date.now();
    const sid = await startSession(db, user.userId, { userAgent: CHROME }, new Date(now));
    expect(await checkSession(db, sid, user.userId, now)).toBe(true);
    await db.session.delete({ where: { id: sid } }); // as another app process would
    expect(await checkSession(db, sid, user.userId, now + 6_000)).toBe(false);
  });

  it("belongs to one user: another user's id with it is refused", async () => {
    const owner = await account();
    const other = await account();
    const sid = await startSession(db, owner.userId, { userAgent: CHROME });
    expect(await checkSession(db, sid, other.userId, Date.now() + 10_000)).toBe(false);
    expect(await endSession(db, other.userId, sid)).toBe(false);
    expect(await checkSession(db, sid, owner.userId, Date.now() + 20_000)).toBe(true);
  });

  it("moves last seen on at most once a minute", async () => {
    const user = await account();
    const start = Date.now() - 10 * 60_000;
    const sid = await startSession(db, user.userId, { userAgent: CHROME }, new Date(start));
    const lastSeen = async () => (await db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();
    await checkSession(db, sid, user.userId, start + 30_000);
    expect(await lastSeen()).toBe(start);
    await checkSession(db, sid, user.userId, start + 61_000);
    expect(await lastSeen()).toBe(start + 61_000);
    await checkSession(db, sid, user.userId, start + 90_000);
    expect(await lastSeen()).toBe(start + 61_000);
  });
});

describe("ending sessions from Settings", () => {
  it("signs out every other session of the user, not this one and not another user's", async () => {
    const user = await account();
    const stranger = await account();
    const current = await startSession(db, user.userId, { userAgent: CHROME });
    const others = [await startSession(db, user.userId, {}), await startSession(db, user.userId, {})];
    const strangers = await startSession(db, stranger.userId, {});
    expect(await endOtherSessions(db, { ...user, sessionId: current })).toBe(2);
    for (const sid of others) expect(await checkSession(db, sid, user.userId)).toBe(false);
    expect(await checkSession(db, current, user.userId)).toBe(true);
    expect(await checkSession(db, strangers, stranger.userId)).toBe(true);
    const audit = await db.auditEntry.findMany({ where: { projectId: user.projectId } });
    expect(audit.map((entry) => [entry.action, entry.summary])).toEqual([
      ["account.other_sessions_ended", "Signed out 2 other sessions."],
    ]);
  });

  it("signs out one named session, and treats another user's as not found", async () => {
    const user = await account();
    const stranger = await account();
    const current = await startSession(db, user.userId, {});
    const phone = await startSession(db, user.userId, {
      userAgent:
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    });
    const strangers = await startSession(db, stranger.userId, {});
    const tenant = { ...user, sessionId: current };
    await expect(signOutDevice(db, tenant, strangers)).rejects.toMatchObject({ code: "not_found" });
    await expect(signOutDevice(db, tenant, current)).rejects.toMatchObject({ code: "bad_request" });
    expect(await signOutDevice(db, tenant, phone)).toBe("Safari on iPhone");
    expect(await checkSession(db, phone, user.userId)).toBe(false);
    expect(await checkSession(db, strangers, stranger.userId)).toBe(true);
  });
});

describe("changing the password", () => {
  it("needs the current password and a strong new one, and changes nothing otherwise", async () => {
    const user = await account();
    const current = await startSession(db, user.userId, {});
    const other = await startSession(db, user.userId, {});
    const tenant = { ...user, sessionId: current };
    await expect(
      changePassword(db, tenant, { currentPassword: "not my password", newPassword: "velvet thunder orchard compass" }),
    ).rejects.toMatchObject({ code: "unauthorized", message: WRONG_CURRENT_PASSWORD_MESSAGE });
    await expect(
      changePassword(db, tenant, { currentPassword: PASSWORD, newPassword: "abcdabcdab" }),
    ).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringMatching(/^Repeated character patterns/),
    });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(await verifyPassword(PASSWORD, passwordHash)).toBe(true);
    expect(await checkSession(db, other, user.userId)).toBe(true);
  });

  it("sets the new password and ends the other sessions, keeping this one", async () => {
    const user = await account();
    const current = await startSession(db, user.userId, {});
    const other = await startSession(db, user.userId, {});
    const ended = await changePassword(
      db,
      { ...user, sessionId: current },
      { currentPassword: PASSWORD, newPassword: "velvet thunder orchard compass" },
    );
    expect(ended).toBe(1);
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.userId } });
    expect(await verifyPassword("velvet thunder orchard compass", passwordHash)).toBe(true);
    expect(await checkSession(db, other, user.userId)).toBe(false);
    expect(await checkSession(db, current, user.userId)).toBe(true);
    const audit = await db.auditEntry.findMany({ where: { projectId: user.projectId } });
    expect(audit.map((entry) => entry.action)).toEqual(["account.password_changed"]);
    expect(audit[0].summary).not.toContain("velvet");
  });
});
