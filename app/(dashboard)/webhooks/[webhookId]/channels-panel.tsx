"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { Switch } from "@/components/switch";
import type { ChannelReveal } from "@/lib/channels/kinds/channel-kind";
import type { ChannelView } from "@/lib/channels/list-channels";
import { formatCount } from "@/lib/format/format-count";
import { CARD_EXTRAS } from "./card-extras";
import { deleteChannelAction, updateChannelAction } from "./channel-actions";
import { ChannelDialog } from "./channel-dialog";
import { type ChannelPanelProps, displayChannelName, type KindOption, withArticle } from "./channel-types";
import { RevealDialog } from "./reveal-dialog";

type Editing = { kind: KindOption; channel?: ChannelView };

function templateSummary(channel: ChannelView): string {
  const overrides = channel.templates.filter((row) => row.eventType !== "*").length;
  const fallback = channel.templates.find((row) => row.eventType === "*");
  const base = fallback ? (fallback.isEdited ? "Custom template" : "Preset template") : "Automatic templates";
  return overrides > 0 ? `${base} · ${formatCount(overrides, "override")}` : base;
}

/** What a channel shows of its settings: each form field's saved value or mask, in the form's order. */
function shownSettings(kind: KindOption, channel: ChannelView): { name: string; value: string }[] {
  return kind.form.fields.flatMap(({ name }) =>
    channel.settings[name] ? { name, value: channel.settings[name] } : [],
  );
}

export function ChannelsPanel(props: ChannelPanelProps) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [reveal, setReveal] = useState<ChannelReveal | null>(null);
  const [state, setState] = useState<FormState>();
  const [pending, startTransition] = useTransition();
  const toggle = (channel: ChannelView, isEnabled: boolean) =>
    startTransition(async () => setState(await updateChannelAction(props.webhookId, channel.id, { isEnabled })));
  const remove = (channel: ChannelView) => {
    // Turning a channel off keeps everything; deleting takes its alert history with it, so it asks first.
    if (!window.confirm(`Delete the channel “${channel.name}” and the history of its alerts?`)) return;
    startTransition(async () => setState(await deleteChannelAction(props.webhookId, channel.id)));
  };
  const channelsOf = (kind: KindOption) => props.channels.filter((candidate) => candidate.kind === kind.kind);
  // Kinds in use get a full card; the others one compact line each, so six kinds are not six empty boxes.
  const inUse = props.kinds.filter((kind) => channelsOf(kind).length > 0);
  const unused = props.kinds.filter((kind) => kind.isOffered && channelsOf(kind).length === 0);

  return (
    <div className="space-y-3">
      {inUse.length > 0 ? (
        <div className="grid gap-4 md:grid-cols-2">
          {inUse.map((kind) => (
            <KindCard
              key={kind.kind}
              kind={kind}
              channels={channelsOf(kind)}
              webhookId={props.webhookId}
              pending={pending}
              onEdit={(channel) => setEditing({ kind, channel })}
              onToggle={toggle}
              onDelete={remove}
            />
          ))}
        </div>
      ) : null}
      {unused.length > 0 ? (
        <div className="space-y-2">
          {inUse.length > 0 ? (
            <h3 className="pt-1 text-sm font-medium text-slate-600">Add another destination</h3>
          ) : null}
          <ul className="grid gap-2 md:grid-cols-2">
            {unused.map((kind) => (
              <li
                key={kind.kind}
                className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 px-4 py-3"
                data-testid={`channel-${kind.kind}`}
              >
                <div className="min-w-0">
                  <h4 className="font-semibold" id={`${kind.kind}-channel-title`}>
                    {kind.form.title}
                  </h4>
                  <p className="text-sm text-slate-600">{kind.form.blurb}</p>
                  {kind.notice ? <KindNoticeLine notice={kind.notice} /> : null}
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  <Button
                    variant="ghost"
                    onClick={() => setEditing({ kind })}
                    aria-label={`Add ${withArticle(kind.noun)} channel`}
                  >
                    Set up
                  </Button>
                  <Switch
                    checked={false}
                    labelledBy={`${kind.kind}-channel-title`}
                    disabled={pending}
                    onCheckedChange={(next) => next && setEditing({ kind })}
                  />
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <FormMessage state={state} />
      {editing ? (
        <ChannelDialog
          webhookId={props.webhookId}
          eventGroups={props.eventGroups}
          kind={editing.kind}
          channel={editing.channel}
          onClose={() => setEditing(null)}
          onSaved={(message, revealed) => {
            setEditing(null);
            setState({ ok: message });
            setReveal(revealed ?? null);
          }}
        />
      ) : null}
      {reveal ? <RevealDialog reveal={reveal} onClose={() => setReveal(null)} /> : null}
    </div>
  );
}

function KindNoticeLine({ notice }: { notice: NonNullable<KindOption["notice"]> }) {
  const { text, link } = notice;
  // The link's words are marked inside the notice's own sentence.
  const at = link ? text.indexOf(link.label) : -1;
  return (
    <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">
      {link && at >= 0 ? (
        <>
          {text.slice(0, at)}
          <a href={link.href} className="font-medium underline">
            {link.label}
          </a>
          {text.slice(at + link.label.length)}
        </>
      ) : (
        text
      )}
    </p>
  );
}

function KindCard(props: {
  kind: KindOption;
  channels: ChannelView[];
  webhookId: string;
  pending: boolean;
  onEdit: (channel?: ChannelView) => void;
  onToggle: (channel: ChannelView, isEnabled: boolean) => void;
  onDelete: (channel: ChannelView) => void;
}) {
  const { kind, channels, pending } = props;
  const Extra = CARD_EXTRAS[kind.kind];
  return (
    <div className="rounded-lg border border-slate-200 p-4" data-testid={`channel-${kind.kind}`}>
      <h3 className="font-semibold" id={`${kind.kind}-channel-title`}>
        {kind.form.title}
      </h3>
      {kind.form.blurb ? <p className="text-sm text-slate-600">{kind.form.blurb}</p> : null}
      <ul className="mt-3 space-y-3">
        {channels.map((channel, index) => {
          const name = displayChannelName(kind.form, channel.name);
          return (
            <li key={channel.id} className="space-y-1 border-t border-slate-100 pt-3 text-sm text-slate-700">
              <div className="flex items-start justify-between gap-3">
                <div className="flex min-w-0 flex-wrap items-center gap-2">
                  <Badge tone={channel.isEnabled ? "green" : "gray"}>{channel.isEnabled ? "On" : "Off"}</Badge>
                  <span className="font-medium" id={`channel-name-${channel.id}`}>
                    {name}
                  </span>
                </div>
                <Switch
                  checked={channel.isEnabled}
                  // The first channel of a kind answers to the card's name, as the single slot did.
                  labelledBy={index === 0 ? `${kind.kind}-channel-title` : `channel-name-${channel.id}`}
                  disabled={pending}
                  onCheckedChange={(next) => props.onToggle(channel, next)}
                />
              </div>
              {shownSettings(kind, channel).map(({ name: field, value }) => (
                <p key={field} className="break-all text-slate-500">
                  {value}
                </p>
              ))}
              <p className="text-slate-500">
                {channel.eventTypes ? formatCount(channel.eventTypes.length, "event type") : "All events"}
                {channel.conditions ? " · Conditions" : ""} · {templateSummary(channel)}
              </p>
              {Extra ? <Extra webhookId={props.webhookId} channel={channel} /> : null}
              <div className="mt-1 flex flex-wrap gap-2">
                <Button variant="secondary" onClick={() => props.onEdit(channel)}>
                  {index === 0 ? `Edit ${kind.noun} settings` : `Edit ${name}`}
                </Button>
                <Button
                  variant="ghost"
                  disabled={pending}
                  onClick={() => props.onDelete(channel)}
                  aria-label={`Delete ${name}`}
                >
                  Delete
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {kind.isOffered ? (
        <Button variant="ghost" className="mt-3" onClick={() => props.onEdit()}>
          Add {withArticle(kind.noun)} channel
        </Button>
      ) : null}
      {kind.notice ? <KindNoticeLine notice={kind.notice} /> : null}
    </div>
  );
}
