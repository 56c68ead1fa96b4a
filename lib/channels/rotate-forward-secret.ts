import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { SECRET_GRACE_MS } from "../webhooks/save-signing-secret";
import { maskSecret } from "../webhooks/signing-secret";
import { generateForwardSecret } from "./forward-signature";
import { openForwardSecrets, sealForwardSecrets } from "./kinds/webhook";

/** The new secret, shown once, and until when the replaced one keeps signing beside it. */
export type RotatedSecret = { secret: string; previousSignsUntil: Date };

/**
 * Gives a signed webhook channel a new signing secret. The replaced one keeps signing alongside it for 24
 * hours (two `v1,` signatures per request), as a replaced incoming secret keeps verifying, so the
 * receiver can switch to the new one without losing a request. The secret being replaced is the one that
 * stays: it is the one a receiver may still hold. One transaction with its audit entry, scoped by project,
 * conditional on the sealed value read, so two rotations at once cannot both start from the same state.
 */
export async function rotateForwardSecret(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  channelId: string,
  now = new Date(),
): Promise<RotatedSecret> {
  const secret = generateForwardSecret();
  const previousSignsUntil = new Date(now.getTime() + SECRET_GRACE_MS);
  await db.$transaction(async (tx) => {
    const channel = await tx.channel.findFirst({
      where: { id: channelId, webhookId, projectId: tenant.projectId, kind: "webhook" },
      select: { id: true, name: true, secretConfig: true },
    });
    if (!channel) throw notFound("Channel");
    const current = openForwardSecrets(channel.id, channel.secretConfig);
    if (!current)
      throw new AppError("validation_failed", "This channel has no signing secret yet; save its URL first.");
    const { count } = await tx.channel.updateMany({
      where: { id: channel.id, projectId: tenant.projectId, secretConfig: channel.secretConfig },
      data: {
        secretConfig: sealForwardSecrets(channel.id, {
          url: current.url,
          signingSecret: secret,
          previousSigningSecret: current.signingSecret,
          previousExpiresAt: previousSignsUntil.toISOString(),
        }),
      },
    });
    if (count === 0) throw new AppError("conflict", "The channel was changed at the same time; reload and try again.");
    await recordAudit(tx, tenant, {
      action: "channel.secret_rotated",
      targetType: "webhook",
      targetId: webhookId,
      summary: `Rotated the signing secret of signed webhook channel “${channel.name}” to ${maskSecret(secret)}; the previous one (${maskSecret(current.signingSecret)}) keeps signing alongside until ${previousSignsUntil.toISOString()}.`,
    });
  });
  return { secret, previousSignsUntil };
}
