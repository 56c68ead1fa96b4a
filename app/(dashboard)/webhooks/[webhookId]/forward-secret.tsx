"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { CopyButton } from "@/components/copy-button";
import { Dialog } from "@/components/dialog";
import type { ChannelView } from "@/lib/channels/list-channels";
import { type RotateSecretState, rotateForwardSecretAction } from "./forward-secret-actions";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The signing secret on a signed webhook channel's card: its mask, and a rotation that shows the new one once. */
export function ForwardSecret({ webhookId, channel }: { webhookId: string; channel: ChannelView }) {
  const [isOpen, setIsOpen] = useState(false);
  const [state, setState] = useState<RotateSecretState>();
  const [pending, startTransition] = useTransition();
  const { signingSecret, previousSigningSecret, previousSigningSecretUntil } = channel.settings;
  const close = (open: boolean) => {
    setIsOpen(open);
    // The new secret lives only in this dialog: closing it forgets it.
    if (!open) setState(undefined);
  };
  return (
    <div className="text-sm text-slate-600">
      <p>
        Signing secret: <code className="rounded bg-slate-100 px-1.5 py-0.5">{signingSecret || "none"}</code>
        {previousSigningSecret && previousSigningSecretUntil ? (
          <>
            {" "}
            (the previous one, <code>{previousSigningSecret}</code>, still signs until{" "}
            {when(previousSigningSecretUntil)})
          </>
        ) : null}
      </p>
      <Button variant="secondary" className="mt-2" onClick={() => setIsOpen(true)}>
        Rotate signing secret…
      </Button>
      <Dialog
        open={isOpen}
        onOpenChange={close}
        title={state?.secret ? "New signing secret" : "Rotate the signing secret?"}
        description={
          state?.secret
            ? "Copy it now: it is shown only this once."
            : "Hookbell makes a new secret. For 24 hours every request is signed with both, so your endpoint keeps verifying while you switch it to the new one."
        }
      >
        {state?.error ? (
          <p role="alert" className="text-sm text-red-700">
            {state.error}
          </p>
        ) : null}
        {state?.secret ? (
          <div className="space-y-3">
            <div className="flex items-center gap-2">
              <code className="break-all rounded bg-slate-100 px-2 py-1 text-xs" data-testid="new-forward-secret">
                {state.secret}
              </code>
              <CopyButton value={state.secret} label="Copy secret" />
            </div>
            {state.previousSignsUntil ? (
              <p className="text-sm text-slate-600">
                The old secret still signs until {when(state.previousSignsUntil)}; after that, only this one does.
              </p>
            ) : null}
            <div className="flex justify-end">
              <Button onClick={() => close(false)}>Done</Button>
            </div>
          </div>
        ) : (
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button
              disabled={pending}
              onClick={() =>
                startTransition(async () => setState(await rotateForwardSecretAction(webhookId, channel.id)))
              }
            >
              {pending ? "Rotating…" : "Rotate secret"}
            </Button>
          </div>
        )}
      </Dialog>
    </div>
  );
}
