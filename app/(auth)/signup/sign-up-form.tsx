"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { signUpAction } from "./actions";

/** `returnTo` is already checked to be a path on this site (safeReturnPath). */
export function SignUpForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const email = String(form.get("email") ?? "");
        const password = String(form.get("password") ?? "");
        setPending(true);
        setError(undefined);
        const created = await signUpAction({ email, password });
        if (created.error) {
          setPending(false);
          setError(created.error);
          return;
        }
        const result = await signIn("credentials", { email, password, redirect: false });
        setPending(false);
        if (!result || result.error) {
          setError("Your account was created, but signing in failed. Try signing in.");
          return;
        }
        router.push(returnTo);
        router.refresh();
      }}
    >
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 10 characters, hard to guess: a few unrelated words work well."
        required
        minLength={10}
      />
      <FormMessage state={{ error }} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
