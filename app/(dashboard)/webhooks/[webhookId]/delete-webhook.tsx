"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { deleteWebhookAction } from "../actions";

export function DeleteWebhook({ webhookId, name }: { webhookId: string; name: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button variant="danger" onClick={() => dialog.current?.showModal()}>
        Delete webhook…
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-title"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id="delete-title" className="text-lg font-semibold">
          Delete “{name}”?
        </h2>
        <p className="mt-2 text-sm text-slate-600">
          Clerk’s requests to this URL will fail from now on, and its logged requests are deleted. This cannot be
          undone.
        </p>
        <div className="mt-3">
          <FormMessage state={state} />
        </div>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
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
      </dialog>
    </>
  );
}
