"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { FormState } from "@/components/form-message";
import { requireTenant } from "@/lib/auth/get-tenant";
import type { CreateChannelInput, UpdateChannelInput } from "@/lib/channels/channel-input";
import { createChannelAndReveal } from "@/lib/channels/create-channel";
import { deleteChannel } from "@/lib/channels/delete-channel";
import type { ChannelReveal } from "@/lib/channels/kinds/channel-kind";
import { channelKindFor } from "@/lib/channels/kinds/channel-kinds";
import { type ConditionFields, listConditionFields } from "@/lib/channels/list-condition-fields";
import { previewReplay, type ReplayPreview } from "@/lib/channels/preview-replay";
import { type PreviewInput, type PreviewResult, previewTemplate } from "@/lib/channels/preview-template";
import { updateChannel } from "@/lib/channels/update-channel";
import { describeProblem, TemplateProblemsError } from "@/lib/channels/vet-templates";
import { checkDraftAgainstRecent, type WouldAlert } from "@/lib/channels/would-alert";
import { getDb } from "@/lib/db/client";
import { replayWindow } from "@/lib/delivery/replay-events";
import { toUserMessage } from "@/lib/errors";
import { actionId } from "@/lib/server/action-id";
import { alertTemplateSchema } from "@/lib/templates/alert-template";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

// Each action re-checks the session; lib/ scopes every query by the tenant's project. A server action's
// arguments come from the client as it chose to send them: ids (actionId) and the preview's input are
// parsed here, so an object where a string belongs never reaches a query as a filter.

const PreviewInputSchema = z.object({
  // Any kind in the registry: previewTemplate names the kinds there are when it is not one.
  kind: z.string().max(40),
  template: alertTemplateSchema,
  eventType: z.string().max(200),
  source: z.enum(["sample", "latest"]),
});

/** `reveal`: what a new channel's kind shows its creator once (a signing secret), if anything. */
export type SaveChannelState = FormState & { problems?: string[]; reveal?: ChannelReveal };

function failed(error: unknown): SaveChannelState {
  if (error instanceof TemplateProblemsError) {
    return { error: "Fix the template before saving.", problems: error.problems.map(describeProblem) };
  }
  return { error: toUserMessage(error) };
}

export async function createChannelAction(webhookId: string, input: CreateChannelInput): Promise<SaveChannelState> {
  const tenant = await requireTenant();
  let reveal: ChannelReveal | null;
  try {
    ({ reveal } = await createChannelAndReveal(getDb(), tenant, actionId(webhookId), input));
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/webhooks/${webhookId}`);
  // Created, so the kind exists: its module words the answer.
  const kind = channelKindFor(String(input.kind));
  const ok = `${kind?.form?.title ?? `${kind?.label} notifications`} saved and on.`;
  return reveal ? { ok, reveal } : { ok };
}

/** One save of the dialog, or one switch flip: a single transaction with a single audit entry. */
export async function updateChannelAction(
  webhookId: string,
  channelId: string,
  input: UpdateChannelInput,
): Promise<SaveChannelState> {
  const tenant = await requireTenant();
  try {
    await updateChannel(getDb(), tenant, actionId(webhookId), actionId(channelId), input);
  } catch (error) {
    return failed(error);
  }
  revalidatePath(`/webhooks/${webhookId}`);
  const onlyToggled = Object.keys(input).every((key) => key === "isEnabled");
  if (onlyToggled) return { ok: input.isEnabled ? "Channel on." : "Channel off; its settings are kept." };
  return { ok: "Channel saved." };
}

export async function deleteChannelAction(webhookId: string, channelId: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    await deleteChannel(getDb(), tenant, actionId(webhookId), actionId(channelId));
  } catch (error) {
    return { error: toUserMessage(error) };
  }
  revalidatePath(`/webhooks/${webhookId}`);
  return { ok: "Channel deleted." };
}

/** "Would this have alerted?": the dialog's draft filter and conditions against the last 20 events. */
export async function wouldAlertAction(
  webhookId: string,
  draft: { eventTypes: string[] | null; conditions: unknown },
): Promise<{ ok: true; events: WouldAlert[] } | { ok: false; error: string }> {
  const tenant = await requireTenant();
  try {
    return { ok: true, events: await checkDraftAgainstRecent(getDb(), tenant, actionId(webhookId), draft) };
  } catch (error) {
    return { ok: false, error: toUserMessage(error) };
  }
}

/** The condition builder's field picker: the fields of a sample or of this webhook's latest event. */
export async function conditionFieldsAction(
  webhookId: string,
  input: { eventType: string; source: "sample" | "latest" },
): Promise<({ ok: true } & ConditionFields) | { ok: false; error: string }> {
  const tenant = await requireTenant();
  try {
    const source = input.source === "latest" ? "latest" : "sample";
    return {
      ok: true,
      ...(await listConditionFields(getDb(), tenant, webhookId, { eventType: String(input.eventType), source })),
    };
  } catch (error) {
    return { ok: false, error: toUserMessage(error) };
  }
}

/** What "Replay window" would send, asked before it sends. */
export async function previewReplayWindowAction(
  webhookId: string,
  window: { from: string; to: string },
): Promise<{ ok: true; preview: ReplayPreview } | { ok: false; error: string }> {
  const tenant = await requireTenant();
  try {
    const target = { webhookId, from: new Date(window.from), to: new Date(window.to) };
    return { ok: true, preview: await previewReplay(getDb(), tenant, target) };
  } catch (error) {
    return { ok: false, error: toUserMessage(error) };
  }
}

export async function previewTemplateAction(
  webhookId: string,
  input: PreviewInput,
): Promise<PreviewResult | { ok: false; error: string }> {
  const tenant = await requireTenant();
  try {
    return await previewTemplate(getDb(), tenant, actionId(webhookId), PreviewInputSchema.parse(input));
  } catch (error) {
    return { ok: false, error: toUserMessage(error) };
  }
}

export async function sendTestEventAction(webhookId: string, eventType: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    const result = await sendTestEvent(getDb(), tenant, actionId(webhookId), z.string().max(200).parse(eventType));
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
    const result = await replayWindow(getDb(), tenant, actionId(webhookId), from, to);
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
