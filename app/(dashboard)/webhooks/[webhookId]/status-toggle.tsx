"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { setActiveAction } from "../actions";

export function StatusToggle({
  webhookId,
  isActive,
  canActivate,
}: {
  webhookId: string;
  isActive: boolean;
  canActivate: boolean;
}) {
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  if (!isActive && !canActivate) return null;
  return (
    <div className="flex items-center gap-3">
      <FormMessage state={state?.error ? state : undefined} />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => startTransition(async () => setState(await setActiveAction(webhookId, !isActive)))}
      >
        {isActive ? "Deactivate" : "Reactivate"}
      </Button>
    </div>
  );
}
