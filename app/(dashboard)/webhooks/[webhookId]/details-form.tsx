"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { saveDetailsAction } from "../actions";

const SUGGESTED = ["production", "staging", "test", "development"];

export function DetailsForm({
  webhookId,
  name,
  environment,
}: {
  webhookId: string;
  name: string;
  environment: string;
}) {
  const [state, action, pending] = useActionState(saveDetailsAction.bind(null, webhookId), undefined);
  return (
    <form action={action} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="webhook-name" className="block text-sm font-medium">
            Name
          </label>
          <input id="webhook-name" name="name" defaultValue={name} maxLength={80} required className={inputClass} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="webhook-environment" className="block text-sm font-medium">
            Environment
          </label>
          <input
            id="webhook-environment"
            name="environment"
            defaultValue={environment}
            maxLength={30}
            required
            list="environment-suggestions"
            className={inputClass}
            aria-describedby="webhook-environment-hint"
          />
          <datalist id="environment-suggestions">
            {SUGGESTED.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
        </div>
      </div>
      <p id="webhook-environment-hint" className="text-xs text-slate-500">
        Shown in tables, the log and every alert, so test traffic is never mistaken for production.
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save
        </Button>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
