import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";

type ApiKeyRow = Awaited<ReturnType<Db["apiKey"]["findFirstOrThrow"]>>;

/** A key as the settings page sees it: never the key or its hash, only the display prefix. */
export function toApiKeyView(row: ApiKeyRow, now = new Date()) {
  const status = row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt <= now ? "expired" : "active";
  return {
    id: row.id,
    name: row.name,
    displayPrefix: row.displayPrefix,
    status: status as "active" | "revoked" | "expired",
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export type ApiKeyView = ReturnType<typeof toApiKeyView>;

export async function listApiKeys(db: Db, tenant: Tenant): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { projectId: tenant.projectId }, orderBy: { createdAt: "desc" } });
  const now = new Date();
  return rows.map((row) => toApiKeyView(row, now));
}
