"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { FormState } from "@/components/form-message";
import { changePassword } from "@/lib/auth/change-password";
import { endOtherSessions } from "@/lib/auth/end-other-sessions";
import { requireTenant } from "@/lib/auth/get-tenant";
import { checkSignInRate, recordFailedSignIn } from "@/lib/auth/sign-in-rate";
import { signOutDevice } from "@/lib/auth/sign-out-device";
import { getDb } from "@/lib/db/client";
import { AppError, toUserMessage } from "@/lib/errors";
import { actionId } from "@/lib/server/action-id";
import { forwardedClientAddress } from "@/lib/server/client-address";

export async function endOtherSessionsAction(): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    const count = await endOtherSessions(getDb(), tenant);
    revalidatePath("/settings");
    return {
      ok:
        count === 0 ? "No other sessions to sign out." : `Signed out ${count} other session${count === 1 ? "" : "s"}.`,
    };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}

export async function signOutDeviceAction(sessionId: string): Promise<FormState> {
  const tenant = await requireTenant();
  try {
    const device = await signOutDevice(getDb(), tenant, actionId(sessionId));
    revalidatePath("/settings");
    return { ok: `Signed out ${device}.` };
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}

export async function changePasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  const tenant = await requireTenant();
  // A wrong current password counts as a failed sign-in: a borrowed session cannot guess it freely.
  const address = forwardedClientAddress(await headers());
  const refusal = checkSignInRate(tenant.email, address);
  if (refusal) return { error: refusal };
  try {
    const ended = await changePassword(getDb(), tenant, {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    revalidatePath("/settings");
    return {
      ok: `Password changed.${ended > 0 ? ` Signed out ${ended} other session${ended === 1 ? "" : "s"}.` : ""}`,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") recordFailedSignIn(tenant.email, address);
    return { error: toUserMessage(error) };
  }
}
