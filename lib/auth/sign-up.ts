import { z } from "zod";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/client";
import { AppError } from "../errors";
import { newId } from "../ids";
import { checkPasswordStrength } from "./check-password-strength";
import { hashPassword, PasswordSchema } from "./password";
import type { Tenant } from "./tenant";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }).max(254, "That email address is too long."));

export const SignUpSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  name: z.string().trim().max(100).optional(),
});

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists. Sign in instead.";

/** Creates the account with its first project, in one transaction. */
export async function signUp(db: Db, input: z.input<typeof SignUpSchema>): Promise<Tenant> {
  const { email, password, name } = SignUpSchema.parse(input);
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", DUPLICATE_EMAIL_MESSAGE);
  }
  const weakness = await checkPasswordStrength(password, [email]);
  if (weakness) throw new AppError("validation_failed", weakness);
  const userId = newId("usr");
  const projectId = newId("prj");
  const passwordHash = await hashPassword(password);
  try {
    await db.$transaction([
      db.user.create({ data: { id: userId, email, name: name || null, passwordHash } }),
      db.project.create({ data: { id: projectId, name: "My first project" } }),
      db.membership.create({ data: { userId, projectId, role: "owner" } }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", DUPLICATE_EMAIL_MESSAGE);
    throw error;
  }
  return { userId, projectId };
}
