import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { checkPasswordStrength } from "./check-password-strength";
import { hashPassword, PasswordSchema, verifyPassword } from "./password";
import { forgetOtherSessions } from "./session-cache";
import type { Tenant } from "./tenant";

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200, "Enter your current password."),
  newPassword: PasswordSchema,
});

export const WRONG_CURRENT_PASSWORD_MESSAGE = "Your current password is incorrect.";

/**
 * Sets a new password and ends the user's other sessions in the same transaction: whoever may have known
 * the old password is signed out everywhere but in the browser making the change. Returns how many ended.
 */
export async function changePassword(
  db: Db,
  tenant: Tenant & { email: string; sessionId: string },
  input: z.input<typeof ChangePasswordSchema>,
): Promise<number> {
  const { currentPassword, newPassword } = ChangePasswordSchema.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: tenant.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("unauthorized", WRONG_CURRENT_PASSWORD_MESSAGE);
  }
  if (newPassword === currentPassword) {
    throw new AppError("validation_failed", "Choose a new password that differs from your current one.");
  }
  const weakness = await checkPasswordStrength(newPassword, [tenant.email]);
  if (weakness) throw new AppError("validation_failed", weakness);
  const passwordHash = await hashPassword(newPassword);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: tenant.userId }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: tenant.userId, id: { not: tenant.sessionId } } }),
  ]);
  forgetOtherSessions(tenant.userId, tenant.sessionId);
  await recordAudit(db, tenant, {
    action: "account.password_changed",
    targetType: "user",
    targetId: tenant.userId,
    summary: `Changed the account password; ${ended.count} other session${ended.count === 1 ? "" : "s"} signed out.`,
  });
  return ended.count;
}
