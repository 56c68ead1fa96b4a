"use client";

import { useState, useTransition } from "react";
import { FormMessage, type FormState } from "@/components/form-message";
import { SubmitButton } from "@/components/submit-button";
import { sendTestEventAction } from "./channel-actions";
import { type EventGroupOption, firstEventType } from "./channel-types";
import { EventTypeSelect } from "./event-type-select";

export function SendTestEvent({
  webhookId,
  eventGroups,
  canSend,
  senderName,
}: {
  webhookId: string;
  eventGroups: EventGroupOption[];
  canSend: boolean;
  senderName: string | null;
}) {
  const [chosenType, setEventType] = useState(() => firstEventType(eventGroups));
  // The catalog changes when another sender is connected: a type from the old one falls back to the new first.
  const catalog = eventGroups.flatMap((group) => group.types.map((entry) => entry.type));
  const eventType = catalog.length > 0 && !catalog.includes(chosenType) ? catalog[0] : chosenType;
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Hookbell signs a sample event with this webhook’s secret and posts it to the Webhook URL, so it travels the same
        path as an event from {senderName ?? "the application"}: verification, the log, and your channels.
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
