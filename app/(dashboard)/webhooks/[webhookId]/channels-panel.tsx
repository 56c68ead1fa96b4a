"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { Switch } from "@/components/switch";
import { formatCount } from "@/lib/format/format-count";
import { formatSlackChannel } from "@/lib/format/format-slack-channel";
import { setChannelEnabledAction } from "./channel-actions";
import { ChannelDialog } from "./channel-dialog";
import type { ChannelPanelProps } from "./channel-types";

const KINDS = [
  {
    kind: "email" as const,
    title: "Email Notifications",
    blurb: "For critical alerts that need attention. Lower monthly limit.",
  },
  {
    kind: "slack" as const,
    title: "Slack Notifications",
    blurb: "For team awareness. Three times the email limit.",
  },
];

export function ChannelsPanel(props: ChannelPanelProps) {
  const [editing, setEditing] = useState<"email" | "slack" | null>(null);
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();

  return (
    <div className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        {KINDS.map(({ kind, title, blurb }) => {
          const channel = props.channels.find((candidate) => candidate.kind === kind);
          const isOn = channel?.isEnabled ?? false;
          return (
            <div key={kind} className="rounded-lg border border-slate-200 p-4" data-testid={`channel-${kind}`}>
              <div className="flex items-start justify-between gap-3">
                <div>
                  <h3 className="font-semibold" id={`${kind}-channel-title`}>
                    {title}
                  </h3>
                  <p className="text-sm text-slate-600">{blurb}</p>
                </div>
                <Switch
                  checked={isOn}
                  labelledBy={`${kind}-channel-title`}
                  disabled={pending}
                  onCheckedChange={(next) => {
                    if (next) setEditing(kind);
                    else
                      startTransition(async () =>
                        setState(await setChannelEnabledAction(props.webhookId, kind, false)),
                      );
                  }}
                />
              </div>
              {channel ? (
                <div className="mt-3 space-y-1 text-sm text-slate-700">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={isOn ? "green" : "gray"}>{isOn ? "On" : "Off"}</Badge>
                    <span className="break-all">
                      {kind === "email" ? channel.recipients.join(", ") : formatSlackChannel(channel.name)}
                    </span>
                  </div>
                  {kind === "slack" ? <p className="break-all text-slate-500">{channel.slackUrlMasked}</p> : null}
                  <p className="text-slate-500">
                    {channel.eventTypes ? formatCount(channel.eventTypes.length, "event type") : "All events"} ·{" "}
                    {channel.template ? "Custom template" : "Preset template"}
                  </p>
                  <Button variant="secondary" className="mt-2" onClick={() => setEditing(kind)}>
                    Edit {kind === "email" ? "email" : "Slack"} settings
                  </Button>
                </div>
              ) : (
                <p className="mt-3 text-sm text-slate-500">Off. Turn it on to set it up.</p>
              )}
              {kind === "email" && props.isDevMailbox ? (
                <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
                  No SMTP server is configured, so emails are kept in the{" "}
                  <a href="/mailbox" className="font-medium underline">
                    Dev mailbox
                  </a>{" "}
                  instead of being sent. Set SMTP_URL to send real email.
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <FormMessage state={state} />
      {editing ? (
        <ChannelDialog
          {...props}
          kind={editing}
          channel={props.channels.find((candidate) => candidate.kind === editing)}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setState({ ok: message });
          }}
        />
      ) : null}
    </div>
  );
}
