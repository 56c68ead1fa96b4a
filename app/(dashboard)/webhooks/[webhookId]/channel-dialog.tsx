"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Dialog } from "@/components/dialog";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { LengthHint } from "@/components/length-hint";
import { SubmitButton } from "@/components/submit-button";
import { useLeaveWarning } from "@/components/use-leave-warning";
import type { CreateChannelInput, UpdateChannelInput } from "@/lib/channels/channel-input";
import type { ChannelView } from "@/lib/channels/list-channels";
import type { AlertTemplate } from "@/lib/templates/alert-template";
import { createChannelAction, type SaveChannelState, updateChannelAction } from "./channel-actions";
import { AUTO, type ChannelPanelProps, DEFAULT_TYPE, presetTemplate } from "./channel-types";
import { type ConditionsDraft, deriveConditions, draftFromDocument } from "./condition-draft";
import { ConditionsField } from "./conditions-field";
import { EventFilterPicker } from "./event-filter-picker";
import { TemplatePreview } from "./template-preview";

type Props = ChannelPanelProps & {
  kind: "email" | "slack";
  channel: ChannelView | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
};

// The server's limit (lib/channels/channel-input.ts); shown instead of cutting a pasted name.
const CHANNEL_NAME_MAX_LENGTH = 80;
const DISCARD_QUESTION = "Discard your unsaved changes to this channel?";

/** The saved template set's choice: a "*" row with a preset picks that preset; otherwise Automatic. */
function savedPresetId(channel: ChannelView | undefined): string {
  return channel?.templates.find((row) => row.eventType === DEFAULT_TYPE)?.presetId ?? AUTO;
}

export function ChannelDialog({
  kind,
  channel,
  webhookId,
  presets,
  eventGroups,
  suggestedSlackName,
  onClose,
  onSaved,
}: Props) {
  const kindPresets = presets[kind];
  const allTypes = eventGroups.flatMap((group) => group.types.map((type) => type.type));
  const [recipients, setRecipients] = useState(channel?.recipients.join(", ") ?? "");
  const [slackUrl, setSlackUrl] = useState("");
  const [name, setName] = useState(channel?.name ?? (kind === "slack" ? suggestedSlackName : "Email"));
  const [presetId, setPresetId] = useState(savedPresetId(channel));
  const [eventTypes, setEventTypes] = useState<string[] | null>(channel?.eventTypes ?? null);
  const [conditionsDraft, setConditionsDraft] = useState<ConditionsDraft>(() =>
    draftFromDocument(channel?.conditions ?? null),
  );
  // The event type whose alert the editor shows (and, under Automatic, whose override it saves).
  const [editType, setEditType] = useState(channel?.eventTypes?.[0] ?? "user.created");
  // Edits made in this dialog, by template row ("*" or an event type), and the rows to reset.
  const [drafts, setDrafts] = useState<Record<string, AlertTemplate>>({});
  const [resets, setResets] = useState<string[]>([]);
  // The answer to a save, with the input it was for: once anything changes it no longer describes the form.
  const [saved, setSaved] = useState<{ state: SaveChannelState; input: string }>();
  const [pending, startTransition] = useTransition();

  const rowKey = presetId === AUTO ? editType : DEFAULT_TYPE;
  const presetChanged = presetId !== savedPresetId(channel);
  const liveRow = (type: string) =>
    resets.includes(type) ? undefined : channel?.templates.find((row) => row.eventType === type);
  // A preset just chosen replaces the saved default: the editor shows the new preset, not the old row.
  const savedRow = rowKey === DEFAULT_TYPE && presetChanged ? undefined : liveRow(rowKey);
  // Under Automatic, a type without an override renders the channel's default row when it has one (a copy
  // edited before template sets), exactly as the worker does (lib/channels/template-for.ts).
  const defaultRow = presetId === AUTO ? liveRow(DEFAULT_TYPE) : undefined;
  const base = savedRow?.template ?? defaultRow?.template ?? presetTemplate(kindPresets, presetId, editType);
  const template = drafts[rowKey] ?? base;
  const scope = eventTypes ?? allTypes;
  const overrides = new Set([
    ...(channel?.templates.map((row) => row.eventType) ?? []).filter((type) => !resets.includes(type)),
    ...Object.keys(drafts),
  ]);
  overrides.delete(DEFAULT_TYPE);
  const othersOnPresets = scope.filter((type) => type !== editType && !overrides.has(type)).length;
  // A default row (an edited copy from before template sets) is what types without an override render.
  const hasDefault =
    Boolean(channel?.templates.some((row) => row.eventType === DEFAULT_TYPE)) && !resets.includes(DEFAULT_TYPE);
  const others = `${othersOnPresets} other type${othersOnPresets === 1 ? "" : "s"}`;
  const editingLine =
    presetId !== AUTO
      ? `Editing the default for every event type (preview: ${editType})`
      : hasDefault
        ? `Editing ${editType} · ${others} use this channel's default`
        : `Editing ${editType} · ${others} use${othersOnPresets === 1 ? "s its preset" : " their presets"}`;

  const conditions = deriveConditions(conditionsDraft);
  const edit = (next: AlertTemplate) => {
    const { [rowKey]: _previous, ...rest } = drafts;
    // Typed back to what it renders without an edit (its preset, or the channel's default): nothing to save.
    const isPreset = !savedRow && JSON.stringify(next) === JSON.stringify(base);
    setDrafts(isPreset ? rest : { ...rest, [rowKey]: next });
    setResets(resets.filter((type) => type !== rowKey));
  };
  const resetRow = () => {
    const { [rowKey]: _dropped, ...rest } = drafts;
    setDrafts(rest);
    if (channel?.templates.some((row) => row.eventType === rowKey) && !resets.includes(rowKey)) {
      setResets([...resets, rowKey]);
    }
  };
  const choosePreset = (id: string) => {
    setPresetId(id);
    // The default row follows the new choice; edits to it are dropped with the preset they started from.
    const { [DEFAULT_TYPE]: _dropped, ...rest } = drafts;
    setDrafts(rest);
  };

  const templateChanges: { eventType: string; presetId: string | null; template: AlertTemplate | null }[] =
    Object.entries(drafts).map(([eventType, edited]) => ({
      eventType,
      presetId: eventType === DEFAULT_TYPE && presetId !== AUTO ? presetId : null,
      template: edited,
    }));
  if (presetChanged && presetId !== AUTO && !drafts[DEFAULT_TYPE]) {
    templateChanges.push({ eventType: DEFAULT_TYPE, presetId, template: null });
  }
  const resetTemplates = [...resets];
  if (presetChanged && presetId === AUTO && !drafts[DEFAULT_TYPE]) resetTemplates.push(DEFAULT_TYPE);

  const common = {
    name,
    eventTypes,
    conditions: conditions.document,
    templates: templateChanges,
  };
  const input = channel
    ? {
        ...common,
        ...(kind === "email" ? { recipients } : { slackUrl }),
        resetTemplates,
        isEnabled: true,
        expectedUpdatedAt: channel.updatedAt,
      }
    : kind === "email"
      ? ({ kind, recipients, ...common } as const)
      : ({ kind, slackUrl, ...common } as const);
  const inputKey = JSON.stringify(input);
  const state = saved?.input === inputKey ? saved.state : undefined;
  const save = () =>
    startTransition(async () => {
      if (conditions.problem) return;
      const result = channel
        ? await updateChannelAction(webhookId, channel.id, input as UpdateChannelInput)
        : await createChannelAction(webhookId, input as CreateChannelInput);
      if (result?.ok) onSaved(result.ok);
      else setSaved({ state: result, input: inputKey });
    });

  const conditionsKey = JSON.stringify(conditions);
  const opened = useRef({ recipients, slackUrl, name, presetId, eventTypes, conditionsKey });
  const isDirty =
    recipients !== opened.current.recipients ||
    slackUrl !== opened.current.slackUrl ||
    name !== opened.current.name ||
    presetId !== opened.current.presetId ||
    conditionsKey !== opened.current.conditionsKey ||
    JSON.stringify(eventTypes) !== JSON.stringify(opened.current.eventTypes) ||
    Object.keys(drafts).length > 0 ||
    resets.length > 0;
  useLeaveWarning(isDirty && !pending, DISCARD_QUESTION);
  const requestClose = () => {
    if (!isDirty || window.confirm(DISCARD_QUESTION)) onClose();
  };
  const title = kind === "email" ? "Email notifications" : "Slack notifications";

  return (
    <Dialog open onOpenChange={(open) => !open && requestClose()} title={title} wide>
      <form
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        {kind === "email" ? (
          <div className="space-y-1.5">
            <label htmlFor="channel-email-name" className="block text-sm font-medium">
              Channel name
            </label>
            <input
              id="channel-email-name"
              className={inputClass}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-describedby="channel-email-name-length"
            />
            <LengthHint
              id="channel-email-name-length"
              length={name.length}
              max={CHANNEL_NAME_MAX_LENGTH}
              what="channel name"
            />
          </div>
        ) : null}
        {kind === "email" ? (
          <div className="space-y-1.5">
            <label htmlFor="channel-recipients" className="block text-sm font-medium">
              Recipients
            </label>
            <input
              id="channel-recipients"
              className={inputClass}
              value={recipients}
              onChange={(event) => setRecipients(event.target.value)}
              placeholder="alerts@example.com, oncall@example.com"
              autoComplete="off"
            />
            <p className="text-xs text-slate-500">One or more addresses, separated by commas.</p>
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <label htmlFor="channel-slack-url" className="block text-sm font-medium">
                Slack webhook URL
              </label>
              <input
                id="channel-slack-url"
                className={inputClass}
                value={slackUrl}
                onChange={(event) => setSlackUrl(event.target.value)}
                placeholder={channel?.slackUrlMasked ?? "https://hooks.slack.com/services/…"}
                autoComplete="off"
                spellCheck={false}
              />
              <p className="text-xs text-slate-500">
                {channel?.slackUrlMasked
                  ? "Saved and hidden. Leave blank to keep it, or paste a new one."
                  : "In Slack: Apps → Incoming Webhooks → Add New Webhook to Workspace, then copy the URL."}
              </p>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="channel-name" className="block text-sm font-medium">
                Channel name
              </label>
              <input
                id="channel-name"
                className={inputClass}
                value={name}
                onChange={(event) => setName(event.target.value)}
                aria-describedby="channel-name-length"
                aria-invalid={name.length > CHANNEL_NAME_MAX_LENGTH || undefined}
              />
              <p className="text-xs text-slate-500">A label for this channel in Hookbell.</p>
              <LengthHint
                id="channel-name-length"
                length={name.length}
                max={CHANNEL_NAME_MAX_LENGTH}
                what="channel name"
              />
            </div>
          </div>
        )}

        <EventFilterPicker groups={eventGroups} value={eventTypes} onChange={setEventTypes} />
        <ConditionsField
          webhookId={webhookId}
          draft={conditionsDraft}
          onChange={setConditionsDraft}
          problem={conditions.problem}
          eventTypes={eventTypes}
          document={conditions.document}
          eventGroups={eventGroups}
        />

        <div className="space-y-3">
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-56 flex-1 space-y-1.5">
              <label htmlFor="channel-template" className="block text-sm font-medium">
                Template
              </label>
              <select
                id="channel-template"
                className={inputClass}
                value={presetId}
                onChange={(event) => choosePreset(event.target.value)}
              >
                <option value={AUTO}>Automatic: each event type its own preset</option>
                {kindPresets.map((preset) => (
                  <option key={preset.id} value={preset.id}>
                    {preset.name}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="ghost" onClick={resetRow}>
              Reset to preset
            </Button>
          </div>
          <p className="text-sm font-medium text-slate-700" data-testid="template-editing">
            {editingLine}
          </p>
          {kind === "email" ? (
            <>
              <EditorField
                id="template-subject"
                label="Subject"
                rows={2}
                value={template.title}
                onChange={(title) => edit({ ...template, title })}
              />
              <EditorField
                id="template-html"
                label="HTML body"
                rows={10}
                value={template.body}
                onChange={(body) => edit({ ...template, body })}
              />
              <EditorField
                id="template-text"
                label="Plain-text body"
                rows={6}
                value={template.text}
                onChange={(text) => edit({ ...template, text })}
              />
            </>
          ) : (
            <>
              <EditorField
                id="template-slack-title"
                label="Header (plain text)"
                rows={1}
                value={template.title}
                onChange={(title) => edit({ ...template, title })}
              />
              <EditorField
                id="template-slack"
                label="Message (Slack mrkdwn)"
                rows={8}
                value={template.body}
                onChange={(body) => edit({ ...template, body })}
              />
              <EditorField
                id="template-slack-facts"
                label="Key facts (one Label: value per line)"
                rows={4}
                value={template.facts}
                onChange={(facts) => edit({ ...template, facts })}
              />
              <EditorField
                id="template-slack-text"
                label="Notification text (blank: the message)"
                rows={2}
                value={template.text}
                onChange={(text) => edit({ ...template, text })}
              />
            </>
          )}
          <p className="text-xs text-slate-500">
            Handlebars: <code>{"{{event.data.first_name}}"}</code>, <code>{"{{primaryEmail event.data}}"}</code>,{" "}
            <code>{"{{formatDate event.timestamp}}"}</code>, <code>{"{{eventUrl}}"}</code>. Presets are never changed;
            under Automatic an edit is saved for the event type shown only.
          </p>
        </div>

        <TemplatePreview
          webhookId={webhookId}
          kind={kind}
          template={template}
          eventType={editType}
          onEventTypeChange={setEditType}
          eventGroups={eventGroups}
          shownElsewhere={state?.problems ?? []}
        />

        {state?.problems?.length ? (
          <ul
            role="alert"
            className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700"
            data-testid="template-problems"
          >
            {[...new Set(state.problems)].map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        <FormMessage state={state} />
        <div className="flex justify-end gap-2 border-t border-slate-200 pt-4">
          <Button variant="secondary" onClick={requestClose}>
            Cancel
          </Button>
          <SubmitButton pending={pending} pendingLabel="Saving…" className="whitespace-nowrap">
            Save Configuration
          </SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

function EditorField(props: {
  id: string;
  label: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <textarea
        id={props.id}
        rows={props.rows}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        spellCheck={false}
        className={`${inputClass} font-mono text-xs`}
      />
    </div>
  );
}
