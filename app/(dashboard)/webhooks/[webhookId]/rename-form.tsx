"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { renameWebhookAction } from "../actions";

export function RenameForm({ webhookId, name }: { webhookId: string; name: string }) {
  const [state, action, pending] = useActionState(renameWebhookAction.bind(null, webhookId), undefined);
  return (
    <form action={action} className="space-y-3">
      <label htmlFor="webhook-name" className="sr-only">
        Webhook name
      </label>
      <div className="flex gap-2">
        <input id="webhook-name" name="name" defaultValue={name} maxLength={80} required className={inputClass} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Rename
        </Button>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
