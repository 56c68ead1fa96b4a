"use client";

import { useState, useTransition } from "react";
import { FormMessage, type FormState } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { sendTestEventAction } from "./channel-actions";
import type { EventGroupOption } from "./channel-types";
import { EventTypeSelect } from "./event-type-select";

export function SendTestEvent({
  webhookId,
  eventGroups,
  canSend,
}: {
  webhookId: string;
  eventGroups: EventGroupOption[];
  canSend: boolean;
}) {
  const [eventType, setEventType] = useState("user.created");
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Hookbell signs a sample event with this webhook’s secret and posts it to the Webhook URL, so it travels the same
        path as an event from Clerk: verification, the log, and your channels.
      </p>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(async () => setState(await sendTestEventAction(webhookId, eventType)));
        }}
      >
        <EventTypeSelect
          id="test-event-type"
          label="Event type"
          groups={eventGroups}
          value={eventType}
          onChange={setEventType}
        />
        <SubmitButton pending={pending} pendingLabel="Sending…" disabled={!canSend}>
          Send test event
        </SubmitButton>
      </form>
      {!canSend ? (
        <p className="text-sm text-slate-500">Connect an application and save its signing secret first.</p>
      ) : null}
      <FormMessage state={state} />
    </div>
  );
}
