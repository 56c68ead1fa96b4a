"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { replayEventAction, retryDeliveryAction } from "./actions";

export function RetryDeliveryButton({ eventId, deliveryId }: { eventId: string; deliveryId: string }) {
  return (
    <ActionButton label="Retry now" pendingLabel="Retrying…" run={() => retryDeliveryAction(eventId, deliveryId)} />
  );
}

export function ReplayEventButton({ eventId }: { eventId: string }) {
  return <ActionButton label="Replay event" pendingLabel="Replaying…" run={() => replayEventAction(eventId)} />;
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
