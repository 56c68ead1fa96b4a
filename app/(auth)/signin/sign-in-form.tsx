"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { FormMessage } from "@/components/form-message";

/** `returnTo` is already checked to be a path on this site (safeReturnPath). */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        setPending(true);
        setError(undefined);
        const result = await signIn("credentials", {
          email: form.get("email"),
          password: form.get("password"),
          redirect: false,
        });
        setPending(false);
        if (!result || result.error) {
          setError(
            result?.error === "CredentialsSignin" || !result?.error ? "Email or password is incorrect." : result.error,
          );
          return;
        }
        router.push(returnTo);
        router.refresh();
      }}
    >
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
      <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
      <FormMessage state={{ error }} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
