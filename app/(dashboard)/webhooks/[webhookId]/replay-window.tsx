"use client";

import { useState, useTransition } from "react";
import { inputClass } from "@/components/field";
import { FormMessage, type FormState } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { replayWindowAction } from "./channel-actions";

/** Replays every accepted event in a time window. The browser's local times are sent as UTC instants. */
export function ReplayWindow({ webhookId }: { webhookId: string }) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  const submit = () =>
    startTransition(async () => {
      const form = new FormData();
      form.set("from", from ? new Date(from).toISOString() : "");
      // The minute picked for "To" counts in full.
      form.set("to", to ? new Date(new Date(to).getTime() + 59_999).toISOString() : "");
      setState(await replayWindowAction(webhookId, undefined, form));
    });
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="text-sm text-slate-600">
        Sends every event received in the window again, to the channels as they are set up now. Retry a single failed
        alert from its event first; replay a window when a whole outage needs catching up.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="space-y-1.5">
          <label htmlFor="replay-from" className="block text-sm font-medium">
            From
          </label>
          <input
            id="replay-from"
            type="datetime-local"
            className={inputClass}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            required
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="replay-to" className="block text-sm font-medium">
            To
          </label>
          <input
            id="replay-to"
            type="datetime-local"
            className={inputClass}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            required
          />
        </div>
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Replaying…">
          Replay window
        </SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}
