"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/form-message";
import { requireTenant } from "@/lib/auth/get-tenant";
import type { ChannelInput } from "@/lib/channels/channel-input";
import { type PreviewInput, type PreviewResult, previewTemplate } from "@/lib/channels/preview-template";
import { describeProblem, saveChannel, TemplateProblemsError } from "@/lib/channels/save-channel";
import { setChannelEnabled } from "@/lib/channels/set-channel-enabled";
import { getDb } from "@/lib/db/client";
import { replayWindow } from "@/lib/delivery/replay-events";
import { toUserMessage } from "@/lib/errors";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

// Each action re-checks the session; lib/ scopes every query by the tenant's project.

export type SaveChannelState = FormState & { problems?: string[] };

export async function saveChannelAction(webhookId: string, input: ChannelInput): Promise<SaveChannelState> {
  const tenant = await requireTenant();
  try {
    await saveChannel(getDb(), tenant, webhookId, input);
  } catch (error) {
    if (error instanceof TemplateProblemsError) {
      return { error: "Fix the template before saving.", problems: error.problems.map(describeProblem) };
    }
    return { error: toUserMessage(error) };
  }
  revalidatePath(`/webhooks/${webhookId}`);
  return { ok: input.kind === "email" ? "Email notifications saved and on." : "Slack notifications saved and on." };
}

export async function setChannelEnabledAction(webhookId: string, kind: string, isEnabled: boolean): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    await setChannelEnabled(getDb(), tenant, webhookId, kind, isEnabled);
  } catch (error) {
    return { error: toUserMessage(error) };
  }
  revalidatePath(`/webhooks/${webhookId}`);
  return { ok: isEnabled ? "Channel on." : "Channel off; its settings are kept." };
}

export async function previewTemplateAction(
  webhookId: string,
  input: PreviewInput,
): Promise<PreviewResult | { ok: false; error: string }> {
  const tenant = await requireTenant();
  try {
    return await previewTemplate(getDb(), tenant, webhookId, input);
  } catch (error) {
    return { ok: false, error: toUserMessage(error) };
  }
}

export async function sendTestEventAction(webhookId: string, eventType: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    const result = await sendTestEvent(getDb(), tenant, webhookId, eventType);
    revalidatePath(`/webhooks/${webhookId}`);
    if (result.status >= 200 && result.status < 300) {
      return { ok: `Sent a signed ${eventType} test event (${result.svixId}); Hookbell answered ${result.status}.` };
    }
    return { error: `The test event was refused with ${result.status}: ${result.answer}` };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}

export async function replayWindowAction(webhookId: string, _state: FormState, form: FormData): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    const from = new Date(String(form.get("from") ?? ""));
    const to = new Date(String(form.get("to") ?? ""));
    const result = await replayWindow(getDb(), tenant, webhookId, from, to);
    revalidatePath(`/webhooks/${webhookId}`);
    return {
      ok:
        result.events === 0
          ? "No accepted events in that window."
          : `Replaying ${result.events} event${result.events === 1 ? "" : "s"}: ${result.deliveries} alert${result.deliveries === 1 ? "" : "s"} queued.`,
    };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}
