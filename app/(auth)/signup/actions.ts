"use server";

import { headers } from "next/headers";
import { checkSignUpRate } from "@/lib/auth/sign-in-rate";
import { signUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { toUserMessage } from "@/lib/errors";
import { forwardedClientAddress } from "@/lib/server/client-address";

export async function signUpAction(input: { email: string; password: string }): Promise<{ error?: string }> {
  const refusal = checkSignUpRate(forwardedClientAddress(await headers()));
  if (refusal) return { error: refusal };
  try {
    await signUp(getDb(), { email: input.email, password: input.password });
    return {};
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}
