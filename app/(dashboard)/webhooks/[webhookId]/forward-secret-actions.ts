"use server";

import { revalidatePath } from "next/cache";
import { requireTenant } from "@/lib/auth/get-tenant";
import { rotateForwardSecret } from "@/lib/channels/rotate-forward-secret";
import { getDb } from "@/lib/db/client";
import { toUserMessage } from "@/lib/errors";
import { actionId } from "@/lib/server/action-id";

export type RotateSecretState = { error?: string; secret?: string; previousSignsUntil?: string };

/** Rotates a signed webhook channel's signing secret; the new one comes back once, here, never again. */
export async function rotateForwardSecretAction(webhookId: string, channelId: string): Promise<RotateSecretState> {
  const tenant = await requireTenant();
  try {
    const rotated = await rotateForwardSecret(getDb(), tenant, actionId(webhookId), actionId(channelId));
    revalidatePath(`/webhooks/${webhookId}`);
    return { secret: rotated.secret, previousSignsUntil: rotated.previousSignsUntil.toISOString() };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}
