import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import { webhookSecretField } from "../crypto/sealed-fields";
import { openNullable, seal, sealNullable } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { joinSentences } from "../format/join-sentences";
import { announceWebhookChange } from "../ingest/webhook-cache";
import { findSender } from "../senders/senders";
import { getWebhook } from "./get-webhook";
import { maskSecret } from "./signing-secret";
import type { WebhookView } from "./webhook-view";

/** How long a replaced secret still verifies requests, so a rotation in Clerk loses nothing. */
export const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * The sender, its secret (checked in the sender's own terms: Clerk's starts with whsec_, GitHub's is any
 * text) and, for senders that have them, its settings (Custom HMAC's header and algorithm…).
 */
export const SaveSigningSecretSchema = z
  .object({
    provider: z.string().refine((id) => findSender(id) !== undefined, "Choose an application to connect."),
    secret: z.string({ error: "Enter the signing secret." }).trim().min(1, "Enter the signing secret."),
    settings: z.unknown().optional(),
  })
  .transform((input, ctx) => {
    const sender = findSender(input.provider);
    if (!sender) return z.NEVER; // refused by the refinement above
    const problem = sender.secret.check(input.secret);
    if (problem) {
      ctx.addIssue({ code: "custom", path: ["secret"], message: problem });
      return z.NEVER;
    }
    if (!sender.config) {
      // Settings sent to a sender that has none are a mistake (the wrong sender, say): refused, not dropped.
      if (hasSettings(input.settings)) {
        ctx.addIssue({ code: "custom", path: ["settings"], message: `${sender.name} has no settings to save.` });
        return z.NEVER;
      }
      return { sender, secret: input.secret, settings: null };
    }
    const settings = sender.config.safeParse(input.settings ?? {});
    if (!settings.success) {
      for (const issue of settings.error.issues) {
        const label = sender.settingsFields?.find((field) => field.name === issue.path[0])?.label;
        ctx.addIssue({
          code: "custom",
          path: ["settings", ...issue.path.map(String)],
          message: label ? `${label}: ${issue.message}` : issue.message,
        });
      }
      return z.NEVER;
    }
    return { sender, secret: input.secret, settings: JSON.stringify(settings.data) };
  });

/** Absent, null and {} all mean "no settings". */
function hasSettings(settings: unknown): boolean {
  if (settings === undefined || settings === null) return false;
  return typeof settings !== "object" || Object.keys(settings).length > 0;
}

export type SaveSigningSecretInput = z.input<typeof SaveSigningSecretSchema>;

/**
 * Connects the webhook to an application and stores its signing secret; the first secret activates it.
 * Replacing a different secret keeps the old one valid for 24 hours.
 */
export async function saveSigningSecret(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  input: SaveSigningSecretInput,
  now = new Date(),
): Promise<WebhookView> {
  const current = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: {
      signingSecret: true,
      previousSigningSecret: true,
      previousSecretExpiresAt: true,
      provider: true,
      senderConfig: true,
    },
  });
  if (!current) throw notFound("Webhook");
  // A new secret for the same sender, sent without settings (a rotation through the API), keeps the saved ones.
  const saved = input.settings === undefined && input.provider === current.provider ? current.senderConfig : null;
  const { sender, secret, settings } = parseInput(saved === null ? input : { ...input, settings: readJson(saved) });
  const provider = sender.id;

  const currentPlain = openNullable(current.signingSecret, webhookSecretField(webhookId, "signingSecret"));
  const isFirstSecret = currentPlain === null;
  const isRotation = !isFirstSecret && currentPlain !== secret;
  // While an earlier secret is still in its grace period it stays: it may be the one the sender still
  // signs with (say the secret pasted in between was wrong), so a second save must not push it out.
  const keepsPrevious = current.previousSecretExpiresAt !== null && current.previousSecretExpiresAt > now;
  // Conditional on the secret read above, so two saves at once cannot both rotate from the same state.
  const { count } = await db.webhook.updateMany({
    where: { id: webhookId, projectId: tenant.projectId, signingSecret: current.signingSecret },
    data: {
      provider,
      senderConfig: settings,
      signingSecret: seal(secret, webhookSecretField(webhookId, "signingSecret")),
      // The first secret activates the webhook; replacing one leaves a deliberate deactivation alone.
      ...(isFirstSecret ? { isActive: true } : {}),
      ...(isFirstSecret || isRotation ? { secretUpdatedAt: now } : {}),
      ...(isRotation && !keepsPrevious
        ? {
            // Re-sealed: the column is part of the associated data.
            previousSigningSecret: sealNullable(currentPlain, webhookSecretField(webhookId, "previousSigningSecret")),
            previousSecretExpiresAt: new Date(now.getTime() + SECRET_GRACE_MS),
          }
        : {}),
    },
  });
  if (count === 0)
    throw new AppError("conflict", "The signing secret was changed at the same time; reload and try again.");
  announceWebhookChange(webhookId);
  await recordAudit(db, tenant, {
    action: isRotation ? "webhook.secret_replaced" : "webhook.secret_saved",
    targetType: "webhook",
    targetId: webhookId,
    summary: isRotation
      ? keepsPrevious
        ? `Replaced the signing secret with ${maskSecret(secret)}; the secret still in its grace period keeps it.`
        : `Replaced the signing secret with ${maskSecret(secret)}; the previous one stays valid for 24 hours.`
      : `Connected ${sender.name} with signing secret ${maskSecret(secret)}.`,
  });
  return getWebhook(db, tenant, webhookId);
}

/**
 * The input checked; settings that do not hold are an AppError whose message names each field (the
 * dashboard shows the message alone), the rest the schema's ZodError as for every other form.
 */
function parseInput(input: SaveSigningSecretInput) {
  const parsed = SaveSigningSecretSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const settings = parsed.error.issues.filter((issue) => issue.path[0] === "settings");
  if (settings.length === 0) throw parsed.error;
  const name = findSender(input.provider)?.name ?? "sender";
  throw new AppError(
    "validation_failed",
    `These ${name} settings cannot be saved. ${joinSentences(settings.map((issue) => issue.message))}`,
  );
}

/** Stored settings that are not JSON count as none: the sender's defaults, or a refusal naming the field. */
function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
