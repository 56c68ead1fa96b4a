import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

/**
 * The Dev mailbox copy of each of these email deliveries that has one, by delivery id: the newest
 * message when a delivery was stored more than once. Deliveries sent through SMTP have none.
 */
export async function findMailboxCopies(db: Db, tenant: Tenant, deliveryIds: string[]): Promise<Map<string, string>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await db.mailboxMessage.findMany({
    where: { projectId: tenant.projectId, deliveryId: { in: deliveryIds } },
    orderBy: { id: "asc" },
    select: { id: true, deliveryId: true },
  });
  // Ascending ids are oldest first, so a later copy of the same delivery replaces an earlier one.
  return new Map(rows.flatMap((row) => (row.deliveryId ? [[row.deliveryId, row.id] as const] : [])));
}
