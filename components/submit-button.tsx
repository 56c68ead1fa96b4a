"use client";

import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "./button";

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & {
  variant?: "primary" | "secondary" | "danger" | "ghost";
  /** For forms that submit through a transition of their own; `action=` forms are followed by themselves. */
  pending?: boolean;
  pendingLabel?: ReactNode;
};

/**
 * Every form's submit button. It is disabled from the first click until the action answers, so a double
 * click (or an impatient second one) sends once: React commits the pending state before the next event.
 */
export function SubmitButton({ pending = false, pendingLabel, disabled, children, ...props }: Props) {
  const status = useFormStatus();
  const isPending = pending || status.pending;
  return (
    <Button {...props} type="submit" disabled={disabled || isPending} aria-busy={isPending || undefined}>
      {isPending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
