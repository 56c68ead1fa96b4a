import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { newId } from "../ids";
import { generateApiKey } from "./api-key-secret";
import { type ApiKeyView, toApiKeyView } from "./list-api-keys";

export const EXPIRY_CHOICES = [7, 30, 90, 365] as const;

export const CreateApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the key a name, e.g. “CI deploy”.")
    .max(80, "Keep the name to 80 characters or fewer."),
  // null: the key never expires.
  expiresInDays: z.coerce.number().int().min(1).max(365).nullable(),
});

export type CreateApiKeyInput = z.input<typeof CreateApiKeySchema>;

/**
 * Creates a key for the tenant's project. The full key is returned here and only here: the database keeps
 * its hash, so nobody — the dashboard included — can show it again.
 */
export async function createApiKey(
  db: Db,
  tenant: Tenant,
  input: CreateApiKeyInput,
  now = new Date(),
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const { name, expiresInDays } = CreateApiKeySchema.parse(input);
  const { key, keyHash, displayPrefix } = generateApiKey();
  const row = await db.apiKey.create({
    data: {
      id: newId("key"),
      projectId: tenant.projectId,
      createdById: tenant.userId,
      name,
      keyHash,
      displayPrefix,
      createdAt: now,
      expiresAt: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000),
    },
  });
  await recordAudit(db, tenant, {
    action: "api_key.created",
    targetType: "api_key",
    targetId: row.id,
    summary: `Created API key “${name}” (${displayPrefix}…)${row.expiresAt ? `, expires ${row.expiresAt.toISOString().slice(0, 10)}` : ", no expiry"}.`,
  });
  return { key, apiKey: toApiKeyView(row, now) };
}
