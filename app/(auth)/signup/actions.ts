"use server";

import { signUp } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { toUserMessage } from "@/lib/errors";

export async function signUpAction(input: { email: string; password: string }): Promise<{ error?: string }> {
  try {
    await signUp(getDb(), { email: input.email, password: input.password });
    return {};
  } catch (error) {
    return { error: toUserMessage(error) };
  }
}
