"use client";

import { startTransition, useActionState, useState } from "react";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { LengthHint } from "@/components/length-hint";
import { SubmitButton } from "@/components/submit-button";
import { ENVIRONMENT_MAX_LENGTH, NAME_MAX_LENGTH } from "@/lib/webhooks/webhook-limits";
import { saveDetailsAction } from "../actions";

const SUGGESTED = ["production", "staging", "test", "development"];

export function DetailsForm({
  webhookId,
  name: savedName,
  environment: savedEnvironment,
}: {
  webhookId: string;
  name: string;
  environment: string;
}) {
  const [state, action, pending] = useActionState(saveDetailsAction.bind(null, webhookId), undefined);
  const [name, setName] = useState(savedName);
  const [environment, setEnvironment] = useState(savedEnvironment);
  return (
    <form
      // Submitted by hand: a form `action` resets its fields afterwards, which would throw away a refused value.
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(() => action(form));
      }}
      className="space-y-3"
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="webhook-name" className="block text-sm font-medium">
            Name
          </label>
          <input
            id="webhook-name"
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            className={inputClass}
            aria-describedby="webhook-name-length"
            aria-invalid={name.length > NAME_MAX_LENGTH || undefined}
          />
          <LengthHint id="webhook-name-length" length={name.length} max={NAME_MAX_LENGTH} what="name" />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="webhook-environment" className="block text-sm font-medium">
            Environment
          </label>
          <input
            id="webhook-environment"
            name="environment"
            value={environment}
            onChange={(event) => setEnvironment(event.target.value)}
            required
            list="environment-suggestions"
            className={inputClass}
            aria-describedby="webhook-environment-length webhook-environment-hint"
            aria-invalid={environment.length > ENVIRONMENT_MAX_LENGTH || undefined}
          />
          <LengthHint
            id="webhook-environment-length"
            length={environment.length}
            max={ENVIRONMENT_MAX_LENGTH}
            what="environment label"
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
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
