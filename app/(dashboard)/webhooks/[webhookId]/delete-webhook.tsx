"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Dialog } from "@/components/dialog";
import { FormMessage, type FormState } from "@/components/form-message";
import { deleteWebhookAction } from "../actions";

export function DeleteWebhook({
  webhookId,
  name,
  senderName,
}: {
  webhookId: string;
  name: string;
  senderName: string | null;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="danger" onClick={() => setIsOpen(true)}>
        Delete webhook…
      </Button>
      <Dialog
        open={isOpen}
        onOpenChange={setIsOpen}
        title={`Delete “${name}”?`}
        description={`${senderName ? `${senderName}’s requests` : "Requests"} to this URL will fail from now on, and its logged requests and alerts are deleted. This cannot be undone.`}
      >
        <FormMessage state={state} />
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setIsOpen(false)}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => startTransition(async () => setState(await deleteWebhookAction(webhookId)))}
          >
            {pending ? "Deleting…" : "Delete webhook"}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
