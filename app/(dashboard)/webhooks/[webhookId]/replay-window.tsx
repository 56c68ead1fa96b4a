"use client";

import { useState, useTransition } from "react";
import { inputClass } from "@/components/field";
import { FormMessage, type FormState } from "@/components/form-message";
import { ReplayConfirm } from "@/components/replay-confirm";
import { SubmitButton } from "@/components/submit-button";
import type { ReplayPreview } from "@/lib/channels/preview-replay";
import { previewReplayWindowAction, replayWindowAction } from "./channel-actions";

/**
 * Replays every accepted event in a time window, after a confirmation that names the channels it would alert.
 * The browser's local times are sent as UTC instants.
 */
export function ReplayWindow({ webhookId }: { webhookId: string }) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [state, setState] = useState<FormState>();
  const [preview, setPreview] = useState<ReplayPreview>();
  const [pending, startTransition] = useTransition();
  const range = () => ({
    from: from ? new Date(from).toISOString() : "",
    // The minute picked for "To" counts in full.
    to: to ? new Date(new Date(to).getTime() + 59_999).toISOString() : "",
  });
  const submit = () =>
    startTransition(async () => {
      const result = await previewReplayWindowAction(webhookId, range());
      if (!result.ok) return setState({ error: result.error });
      if (result.preview.events === 0) return setState({ ok: "No accepted events in that window." });
      setState(undefined);
      setPreview(result.preview);
    });
  const confirm = () =>
    startTransition(async () => {
      const form = new FormData();
      const { from: start, to: end } = range();
      form.set("from", start);
      form.set("to", end);
      setState(await replayWindowAction(webhookId, undefined, form));
      setPreview(undefined);
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
        <SubmitButton variant="secondary" pending={pending && !preview} pendingLabel="Checking…">
          Replay window
        </SubmitButton>
      </div>
      {preview ? (
        <ReplayConfirm
          preview={preview}
          what={`${preview.events} event${preview.events === 1 ? "" : "s"}`}
          pending={pending}
          onConfirm={confirm}
          onCancel={() => setPreview(undefined)}
        />
      ) : null}
      <FormMessage state={state} />
    </form>
  );
}
