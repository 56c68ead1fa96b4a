"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { Switch } from "@/components/switch";
import type { ChannelView } from "@/lib/channels/list-channels";
import { formatCount } from "@/lib/format/format-count";
import { formatSlackChannel } from "@/lib/format/format-slack-channel";
import { deleteChannelAction, updateChannelAction } from "./channel-actions";
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

type Editing = { kind: "email" | "slack"; channel?: ChannelView };

function templateSummary(channel: ChannelView): string {
  const overrides = channel.templates.filter((row) => row.eventType !== "*").length;
  const fallback = channel.templates.find((row) => row.eventType === "*");
  const base = fallback ? (fallback.isEdited ? "Custom template" : "Preset template") : "Automatic templates";
  return overrides > 0 ? `${base} · ${formatCount(overrides, "override")}` : base;
}

export function ChannelsPanel(props: ChannelPanelProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  const toggle = (channel: ChannelView, isEnabled: boolean) =>
    startTransition(async () => setState(await updateChannelAction(props.webhookId, channel.id, { isEnabled })));
  const remove = (channel: ChannelView) => {
    // Turning a channel off keeps everything; deleting takes its alert history with it, so it asks first.
    if (!window.confirm(`Delete the channel “${channel.name}” and the history of its alerts?`)) return;
    startTransition(async () => setState(await deleteChannelAction(props.webhookId, channel.id)));
  };

  return (
    <div className="space-y-3">
      <div className="grid gap-4 md:grid-cols-2">
        {KINDS.map(({ kind, title, blurb }) => {
          const channels = props.channels.filter((candidate) => candidate.kind === kind);
          return (
            <div key={kind} className="rounded-lg border border-slate-200 p-4" data-testid={`channel-${kind}`}>
              <div className="flex items-start justify-between gap-3">
                <div>
                  <h3 className="font-semibold" id={`${kind}-channel-title`}>
                    {title}
                  </h3>
                  <p className="text-sm text-slate-600">{blurb}</p>
                </div>
                {channels.length === 0 ? (
                  <Switch
                    checked={false}
                    labelledBy={`${kind}-channel-title`}
                    disabled={pending}
                    onCheckedChange={(next) => next && setEditing({ kind })}
                  />
                ) : null}
              </div>
              {channels.length === 0 ? (
                <p className="mt-3 text-sm text-slate-500">Off. Turn it on to set it up.</p>
              ) : (
                <ul className="mt-3 space-y-3">
                  {channels.map((channel, index) => (
                    <li key={channel.id} className="space-y-1 border-t border-slate-100 pt-3 text-sm text-slate-700">
                      <div className="flex items-start justify-between gap-3">
                        <div className="flex min-w-0 flex-wrap items-center gap-2">
                          <Badge tone={channel.isEnabled ? "green" : "gray"}>{channel.isEnabled ? "On" : "Off"}</Badge>
                          <span className="font-medium" id={`channel-name-${channel.id}`}>
                            {kind === "slack" ? formatSlackChannel(channel.name) : channel.name}
                          </span>
                        </div>
                        <Switch
                          checked={channel.isEnabled}
                          // The first channel of a kind answers to the section's name, as the single slot did.
                          labelledBy={index === 0 ? `${kind}-channel-title` : `channel-name-${channel.id}`}
                          disabled={pending}
                          onCheckedChange={(next) => toggle(channel, next)}
                        />
                      </div>
                      {kind === "email" ? <p className="break-all">{channel.recipients.join(", ")}</p> : null}
                      {kind === "slack" ? <p className="break-all text-slate-500">{channel.slackUrlMasked}</p> : null}
                      <p className="text-slate-500">
                        {channel.eventTypes ? formatCount(channel.eventTypes.length, "event type") : "All events"}
                        {channel.conditions ? " · Conditions" : ""} · {templateSummary(channel)}
                      </p>
                      <div className="mt-1 flex flex-wrap gap-2">
                        <Button variant="secondary" onClick={() => setEditing({ kind, channel })}>
                          {index === 0
                            ? `Edit ${kind === "email" ? "email" : "Slack"} settings`
                            : `Edit ${kind === "slack" ? formatSlackChannel(channel.name) : channel.name}`}
                        </Button>
                        <Button
                          variant="ghost"
                          disabled={pending}
                          onClick={() => remove(channel)}
                          aria-label={`Delete ${kind === "slack" ? formatSlackChannel(channel.name) : channel.name}`}
                        >
                          Delete
                        </Button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              <Button variant="ghost" className="mt-3" onClick={() => setEditing({ kind })}>
                Add {kind === "email" ? "an email" : "a Slack"} channel
              </Button>
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
          kind={editing.kind}
          channel={editing.channel}
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
