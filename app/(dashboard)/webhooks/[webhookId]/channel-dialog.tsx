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
import type { ChannelReveal, KindFormField } from "@/lib/channels/kinds/channel-kind";
import type { ChannelView } from "@/lib/channels/list-channels";
import type { AlertTemplate } from "@/lib/templates/alert-template";
import { createChannelAction, type SaveChannelState, updateChannelAction } from "./channel-actions";
import {
  AUTO,
  type ChannelPanelProps,
  DEFAULT_TYPE,
  firstEventType,
  type KindOption,
  presetTemplate,
} from "./channel-types";
import { type ConditionsDraft, deriveConditions, draftFromDocument } from "./condition-draft";
import { ConditionsField } from "./conditions-field";
import { EventFilterPicker } from "./event-filter-picker";
import { FIELD_ASSISTS } from "./field-assists";
import { TemplatePreview } from "./template-preview";

type Props = Pick<ChannelPanelProps, "webhookId" | "eventGroups"> & {
  kind: KindOption;
  channel: ChannelView | undefined;
  onClose: () => void;
  onSaved: (message: string, reveal?: ChannelReveal) => void;
};

// The server's limit (lib/channels/channel-input.ts); shown instead of cutting a pasted name.
const CHANNEL_NAME_MAX_LENGTH = 80;
const DISCARD_QUESTION = "Discard your unsaved changes to this channel?";

/** The saved template set's choice: a "*" row with a preset picks that preset; otherwise Automatic. */
function savedPresetId(channel: ChannelView | undefined): string {
  return channel?.templates.find((row) => row.eventType === DEFAULT_TYPE)?.presetId ?? AUTO;
}

/** The kind's fields as the dialog opens: a plain field's saved value; a secret blank (blank keeps it). */
function openingValues(fields: KindFormField[], channel: ChannelView | undefined): Record<string, string> {
  return Object.fromEntries(
    fields.map((field) => [field.name, field.secret ? "" : (channel?.settings[field.name] ?? "")]),
  );
}

export function ChannelDialog({ kind, channel, webhookId, eventGroups, onClose, onSaved }: Props) {
  const { form } = kind;
  const kindPresets = kind.presets;
  const allTypes = eventGroups.flatMap((group) => group.types.map((type) => type.type));
  const [values, setValues] = useState(() => openingValues(form.fields, channel));
  const [name, setName] = useState(channel?.name ?? kind.suggestedName);
  const [presetId, setPresetId] = useState(savedPresetId(channel));
  const [eventTypes, setEventTypes] = useState<string[] | null>(channel?.eventTypes ?? null);
  const [conditionsDraft, setConditionsDraft] = useState<ConditionsDraft>(() =>
    draftFromDocument(channel?.conditions ?? null),
  );
  // The event type whose alert the editor shows (and, under Automatic, whose override it saves).
  const [editType, setEditType] = useState(channel?.eventTypes?.[0] ?? firstEventType(eventGroups));
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
    ? { ...common, ...values, resetTemplates, isEnabled: true, expectedUpdatedAt: channel.updatedAt }
    : { kind: kind.kind, ...values, ...common };
  const inputKey = JSON.stringify(input);
  const state = saved?.input === inputKey ? saved.state : undefined;
  const save = () =>
    startTransition(async () => {
      if (conditions.problem) return;
      const result = channel
        ? await updateChannelAction(webhookId, channel.id, input as UpdateChannelInput)
        : await createChannelAction(webhookId, input as CreateChannelInput);
      if (result?.ok) onSaved(result.ok, result.reveal);
      else setSaved({ state: result, input: inputKey });
    });

  const conditionsKey = JSON.stringify(conditions);
  const opened = useRef({ values: JSON.stringify(values), name, presetId, eventTypes, conditionsKey });
  const isDirty =
    JSON.stringify(values) !== opened.current.values ||
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

  return (
    <Dialog open onOpenChange={(open) => !open && requestClose()} title={form.title} wide>
      <form
        className="space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2">
          {form.fields.map((field) => (
            <KindField
              key={field.name}
              field={field}
              value={values[field.name] ?? ""}
              savedMask={channel?.settings[field.name]}
              onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
              assist={{ webhookId, channelId: channel?.id, values }}
            />
          ))}
          <div className="space-y-1.5">
            <label htmlFor="channel-name" className="block text-sm font-medium">
              Channel name
            </label>
            <input
              id="channel-name"
              className={inputClass}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-describedby="channel-name-help channel-name-length"
              aria-invalid={name.length > CHANNEL_NAME_MAX_LENGTH || undefined}
            />
            <p id="channel-name-help" className="text-xs text-slate-500">
              A label for this channel in Hookbell.
            </p>
            <LengthHint
              id="channel-name-length"
              length={name.length}
              max={CHANNEL_NAME_MAX_LENGTH}
              what="channel name"
            />
          </div>
        </div>

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
          {form.parts.map(({ part, label, rows }) => (
            <EditorField
              key={part}
              id={`template-${part}`}
              label={label}
              rows={rows}
              value={template[part] ?? ""}
              onChange={(value) => edit({ ...template, [part]: value })}
            />
          ))}
          <p className="text-xs text-slate-500">
            Handlebars: <code>{"{{event.data.first_name}}"}</code>, <code>{"{{primaryEmail event.data}}"}</code>,{" "}
            <code>{"{{formatDate event.timestamp}}"}</code>, <code>{"{{eventUrl}}"}</code>. Presets are never changed;
            under Automatic an edit is saved for the event type shown only.
          </p>
        </div>

        <TemplatePreview
          webhookId={webhookId}
          kind={kind.kind}
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

/**
 * One of the kind's own fields. A secret starts blank with its saved mask as placeholder: it is never sent
 * back to the browser, and blank keeps it. A field with an assist shows that helper beside it.
 */
function KindField(props: {
  field: KindFormField;
  value: string;
  savedMask: string | undefined;
  onChange: (value: string) => void;
  assist: { webhookId: string; channelId?: string; values: Record<string, string> };
}) {
  const { field, savedMask } = props;
  const id = `channel-field-${field.name}`;
  const isSaved = field.secret && Boolean(savedMask);
  const Assist = field.assist ? FIELD_ASSISTS[field.assist] : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {field.label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          className={inputClass}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          placeholder={isSaved ? savedMask : field.placeholder}
          aria-describedby={`${id}-help`}
          autoComplete="off"
          spellCheck={false}
        />
        {Assist ? <Assist {...props.assist} onPick={props.onChange} /> : null}
      </div>
      <p id={`${id}-help`} className="text-xs text-slate-500">
        {isSaved ? "Saved and hidden. Leave blank to keep it, or paste a new one." : field.help}
      </p>
    </div>
  );
}
