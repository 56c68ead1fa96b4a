import { z } from "zod";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { notFound } from "../errors";
import { findProvider } from "../providers/catalog";
import { getWebhook } from "./get-webhook";
import { SigningSecretSchema } from "./signing-secret";
import type { WebhookView } from "./webhook-view";

/** How long a replaced secret still verifies requests, so a rotation in Clerk loses nothing. */
export const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export const SaveSigningSecretSchema = z.object({
  provider: z.string().refine((id) => findProvider(id) !== undefined, "Choose an application to connect."),
  secret: SigningSecretSchema,
});

export type SaveSigningSecretInput = z.input<typeof SaveSigningSecretSchema>;

/**
 * Connects the webhook to an application and stores its signing secret, which activates it.
 * Replacing a different secret keeps the old one valid for 24 hours.
 */
export async function saveSigningSecret(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  input: SaveSigningSecretInput,
  now = new Date(),
): Promise<WebhookView> {
  const { provider, secret } = SaveSigningSecretSchema.parse(input);
  const current = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { signingSecret: true, previousSigningSecret: true, previousSecretExpiresAt: true },
  });
  if (!current) throw notFound("Webhook");

  const isRotation = current.signingSecret !== null && current.signingSecret !== secret;
  await db.webhook.updateMany({
    where: { id: webhookId, projectId: tenant.projectId },
    data: {
      provider,
      signingSecret: secret,
      isActive: true,
      secretUpdatedAt: isRotation || current.signingSecret === null ? now : undefined,
      ...(isRotation
        ? {
            previousSigningSecret: current.signingSecret,
            previousSecretExpiresAt: new Date(now.getTime() + SECRET_GRACE_MS),
          }
        : {}),
    },
  });
  return getWebhook(db, tenant, webhookId);
}
