"use client";

import { useActionState } from "react";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { saveRetentionAction } from "./actions";

export function RetentionForm({ days }: { days: number }) {
  const [state, action, pending] = useActionState(saveRetentionAction, undefined);
  return (
    <form action={action} className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="retention-days" className="block text-sm font-medium">
          Keep events for (days)
        </label>
        <div className="flex gap-2">
          <input
            id="retention-days"
            name="retentionDays"
            type="number"
            min={1}
            max={365}
            defaultValue={days}
            required
            className={`${inputClass} w-32`}
            aria-describedby="retention-hint"
          />
          <SubmitButton variant="secondary" pending={pending} pendingLabel="Saving…">
            Save
          </SubmitButton>
        </div>
        <p id="retention-hint" className="text-xs text-slate-500">
          Older events, their alerts and Dev mailbox messages are deleted every hour. Payloads carry your users’
          personal data, so keep them no longer than you need.
        </p>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
