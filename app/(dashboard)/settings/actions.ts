"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/components/form-message";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { toUserMessage } from "@/lib/errors";
import { setRetention } from "@/lib/retention/set-retention";

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
