import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";

export async function getMessage(db: Db, tenant: Tenant, messageId: string) {
  const row = await db.mailboxMessage.findFirst({ where: { id: messageId, projectId: tenant.projectId } });
  if (!row) throw notFound("Message");
  return { ...row, recipients: JSON.parse(row.recipients) as string[] };
}
