"use client";

import { useEffect } from "react";
import { toast } from "sonner";

export type FormState = { error?: string; ok?: string } | undefined;

/**
 * The result of a form action: an error stays beside the form (and is announced); success shows as a
 * toast, since the form itself already shows the saved state.
 */
export function FormMessage({ state }: { state: FormState }) {
  useEffect(() => {
    if (state?.ok) toast.success(state.ok);
  }, [state]);
  if (state?.error) {
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
        {state.error}
      </p>
    );
  }
  return null;
}
