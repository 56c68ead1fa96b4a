"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Field } from "@/components/field";
import { FormMessage, type FormState } from "@/components/form-message";
import { changePasswordAction } from "./account-actions";

export function ChangePasswordForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<FormState>(undefined);
  const [pending, startTransition] = useTransition();
  return (
    <form
      ref={formRef}
      className="space-y-4"
      // Not a form action: React resets a form after its action, which would wipe what was typed on an error.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          const result = await changePasswordAction(undefined, form);
          setState(result);
          if (result?.ok) formRef.current?.reset();
        });
      }}
    >
      <Field
        id="current-password"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
      />
      <Field
        id="new-password"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint="At least 10 characters, hard to guess. Your other sessions are signed out."
        required
        minLength={10}
      />
      <FormMessage state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
