import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";

export async function getEvent(db: Db, tenant: Tenant, eventId: string) {
  const row = await db.event.findFirst({
    where: { id: eventId, projectId: tenant.projectId },
    include: { webhook: { select: { id: true, name: true, environment: true, provider: true } } },
  });
  if (!row) throw notFound("Event");
  return {
    ...row,
    headers: JSON.parse(row.headers) as Record<string, string>,
    prettyBody: prettyJson(row.body),
  };
}

/** Pretty-printed JSON when the body parses; the stored text as it is otherwise. */
export function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
