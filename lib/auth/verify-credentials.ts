import type { Db } from "../db/client";
import { AppError } from "../errors";
import { decoyHash, verifyPassword } from "./password";
import { EmailSchema } from "./sign-up";
import type { Tenant } from "./tenant";

/** One message for unknown email and wrong password, so sign-in does not reveal who has an account. */
export const WRONG_CREDENTIALS_MESSAGE = "Email or password is incorrect.";

export async function verifyCredentials(
  db: Db,
  email: unknown,
  password: unknown,
): Promise<Tenant & { email: string }> {
  const parsedEmail = EmailSchema.safeParse(email);
  if (!parsedEmail.success || typeof password !== "string" || password.length === 0 || password.length > 200) {
    throw new AppError("unauthorized", WRONG_CREDENTIALS_MESSAGE);
  }
  const user = await db.user.findUnique({
    where: { email: parsedEmail.data },
    select: {
      id: true,
      email: true,
      passwordHash: true,
      memberships: { select: { projectId: true }, orderBy: { createdAt: "asc" }, take: 1 },
    },
  });
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  const projectId = user?.memberships[0]?.projectId;
  if (!user || !isValid || !projectId) throw new AppError("unauthorized", WRONG_CREDENTIALS_MESSAGE);
  return { userId: user.id, projectId, email: user.email };
}
