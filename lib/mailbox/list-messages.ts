import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

/** The Dev mailbox: emails kept on this machine because no SMTP server is configured. Newest first. */
export async function listMessages(db: Db, tenant: Tenant, take = 100) {
  const rows = await db.mailboxMessage.findMany({
    where: { projectId: tenant.projectId },
    orderBy: { id: "desc" },
    take,
    select: { id: true, recipients: true, subject: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, recipients: JSON.parse(row.recipients) as string[] }));
}
