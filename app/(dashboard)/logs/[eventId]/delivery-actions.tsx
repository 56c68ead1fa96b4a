"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { ReplayConfirm } from "@/components/replay-confirm";
import type { ReplayPreview } from "@/lib/channels/preview-replay";
import { previewReplayEventAction, replayEventAction, retryDeliveryAction } from "./actions";

export function RetryDeliveryButton({ eventId, deliveryId }: { eventId: string; deliveryId: string }) {
  return (
    <ActionButton label="Retry now" pendingLabel="Retrying…" run={() => retryDeliveryAction(eventId, deliveryId)} />
  );
}

/** "Replay event" asks first, naming the channels it would alert; Cancel sends nothing. */
export function ReplayEventButton({ eventId }: { eventId: string }) {
  const router = useRouter();
  const [state, setState] = useState<FormState>();
  const [preview, setPreview] = useState<ReplayPreview>();
  const [pending, startTransition] = useTransition();
  const ask = () =>
    startTransition(async () => {
      const result = await previewReplayEventAction(eventId);
      if (result.ok) setPreview(result.preview);
      else setState({ error: result.error });
    });
  const confirm = () =>
    startTransition(async () => {
      const result = await replayEventAction(eventId);
      setPreview(undefined);
      setState(result);
      // The worker sends within moments; show the new state without a manual reload.
      setTimeout(() => router.refresh(), 1500);
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" disabled={pending} onClick={ask}>
        {pending && !preview ? "Checking…" : "Replay event"}
      </Button>
      {preview ? (
        <ReplayConfirm
          preview={preview}
          what="this event"
          pending={pending}
          onConfirm={confirm}
          onCancel={() => setPreview(undefined)}
        />
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}

function ActionButton({
  label,
  pendingLabel,
  run,
}: {
  label: string;
  pendingLabel: string;
  run: () => Promise<FormState>;
}) {
  const router = useRouter();
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setState(await run());
            // The worker sends within moments; show the new state without a manual reload.
            setTimeout(() => router.refresh(), 1500);
          })
        }
      >
        {pending ? pendingLabel : label}
      </Button>
      <FormMessage state={state} />
    </div>
  );
}
