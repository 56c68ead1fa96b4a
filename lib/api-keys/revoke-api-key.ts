import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";

/** Revoking is immediate and final: the next request with the key answers 401. The row stays for the list. */
export async function revokeApiKey(db: Db, tenant: Tenant, keyId: string, now = new Date()): Promise<void> {
  const key = await db.apiKey.findFirst({
    where: { id: keyId, projectId: tenant.projectId },
    select: { name: true, displayPrefix: true, revokedAt: true },
  });
  if (!key) throw notFound("API key");
  if (key.revokedAt) return;
  await db.apiKey.updateMany({
    where: { id: keyId, projectId: tenant.projectId, revokedAt: null },
    data: { revokedAt: now },
  });
  await recordAudit(db, tenant, {
    action: "api_key.revoked",
    targetType: "api_key",
    targetId: keyId,
    summary: `Revoked API key “${key.name}” (${key.displayPrefix}…).`,
  });
}
