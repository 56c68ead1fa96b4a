"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/form-message";
import { requireTenant } from "@/lib/auth/get-tenant";
import { previewReplay, type ReplayPreview } from "@/lib/channels/preview-replay";
import { getDb } from "@/lib/db/client";
import { replayEvent } from "@/lib/delivery/replay-events";
import { retryDelivery } from "@/lib/delivery/retry-delivery";
import { toUserMessage } from "@/lib/errors";
import { actionId } from "@/lib/server/action-id";

export async function retryDeliveryAction(eventId: string, deliveryId: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    await retryDelivery(getDb(), tenant, actionId(deliveryId));
  } catch (error) {
    return { error: toUserMessage(error) };
  }
  revalidatePath(`/logs/${actionId(eventId)}`);
  return { ok: "Retrying now." };
}

export async function replayEventAction(eventId: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    const result = await replayEvent(getDb(), tenant, actionId(eventId));
    revalidatePath(`/logs/${eventId}`);
    return {
      ok: result.deliveries
        ? `Replaying to ${result.deliveries} channel${result.deliveries === 1 ? "" : "s"}.`
        : "Nothing to send: every channel's filter leaves this event out.",
    };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}

/** Which channels "Replay event" would alert, and why not the others: asked before it sends. */
export async function previewReplayEventAction(
  eventId: string,
): Promise<{ ok: true; preview: ReplayPreview } | { ok: false; error: string }> {
  const tenant = await requireTenant();
  try {
    return { ok: true, preview: await previewReplay(getDb(), tenant, { eventId }) };
  } catch (error) {
    return { ok: false, error: toUserMessage(error) };
  }
}
