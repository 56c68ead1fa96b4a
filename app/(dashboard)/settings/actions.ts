"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/form-message";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { toUserMessage } from "@/lib/errors";
import { setRetention } from "@/lib/retention/set-retention";
import { actionId } from "@/lib/server/action-id";

export async function saveRetentionAction(_state: FormState, form: FormData): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    const days = await setRetention(getDb(), tenant, form.get("retentionDays"));
    revalidatePath("/settings");
    return { ok: `Events are now kept for ${days} day${days === 1 ? "" : "s"}.` };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}

export type CreateKeyState = (FormState & { key?: string; name?: string }) | undefined;

export async function createApiKeyAction(_state: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const tenant = await requireTenant();
  try {
    const expiry = String(form.get("expiresInDays") ?? "");
    const { key, apiKey } = await createApiKey(getDb(), tenant, {
      name: String(form.get("name") ?? ""),
      expiresInDays: expiry === "" ? null : expiry,
    });
    revalidatePath("/settings");
    // The only time the full key leaves the server: it is shown once and never stored in clear.
    return { ok: `API key “${apiKey.name}” created.`, key, name: apiKey.name };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}

export async function revokeApiKeyAction(keyId: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    await revokeApiKey(getDb(), tenant, actionId(keyId));
  } catch (error) {
    return { error: toUserMessage(error) };
  }
  revalidatePath("/settings");
  return { ok: "API key revoked; requests with it now answer 401." };
}
