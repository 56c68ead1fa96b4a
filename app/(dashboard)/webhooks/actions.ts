"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/form-message";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { toUserMessage } from "@/lib/errors";
import { actionId } from "@/lib/server/action-id";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { setWebhookActive, updateWebhookDetails } from "@/lib/webhooks/update-webhook";

// Every action re-checks the session and passes the tenant down: lib/ scopes each query by project.

export async function createWebhookAction(): Promise<void> {
  const tenant = await requireTenant();
  const webhook = await createWebhook(getDb(), tenant);
  redirect(`/webhooks/${webhook.id}`);
}

async function run(webhookId: string, ok: string, work: () => Promise<unknown>): Promise<FormState> {
  try {
    await work();
  } catch (error) {
    return { error: toUserMessage(error) };
  }
  revalidatePath(`/webhooks/${webhookId}`);
  revalidatePath("/webhooks");
  return { ok };
}

export async function saveDetailsAction(webhookId: string, _state: FormState, form: FormData): Promise<FormState> {
  const tenant = await requireTenant();
  return run(webhookId, "Name and environment saved.", () =>
    updateWebhookDetails(getDb(), tenant, actionId(webhookId), {
      name: String(form.get("name") ?? ""),
      environment: String(form.get("environment") ?? ""),
    }),
  );
}

export async function saveSecretAction(webhookId: string, _state: FormState, form: FormData): Promise<FormState> {
  const tenant = await requireTenant();
  return run(webhookId, "Signing secret saved.", () =>
    saveSigningSecret(getDb(), tenant, actionId(webhookId), {
      provider: String(form.get("provider") ?? ""),
      secret: String(form.get("secret") ?? ""),
      settings: readSettingsField(form.get("settings")),
    }),
  );
}

/** The Connect panel sends a sender's settings as one JSON field; saveSigningSecret validates them. */
function readSettingsField(value: FormDataEntryValue | null): unknown {
  if (typeof value !== "string") return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value; // refused by the sender's settings schema, with its message
  }
}

export async function setActiveAction(webhookId: string, isActive: boolean): Promise<FormState> {
  const tenant = await requireTenant();
  return run(webhookId, isActive ? "Webhook activated." : "Webhook deactivated.", () =>
    setWebhookActive(getDb(), tenant, actionId(webhookId), isActive === true),
  );
}

export async function deleteWebhookAction(webhookId: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    await deleteWebhook(getDb(), tenant, actionId(webhookId));
  } catch (error) {
    return { error: toUserMessage(error) };
  }
  revalidatePath("/webhooks");
  redirect("/webhooks");
}
