"use client";

import { useRef, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { Dialog } from "@/components/dialog";
import { inputClass } from "@/components/field";
import { FormMessage } from "@/components/form-message";
import { LengthHint } from "@/components/length-hint";
import { SubmitButton } from "@/components/submit-button";
import { useLeaveWarning } from "@/components/use-leave-warning";
import type { ChannelView } from "@/lib/channels/list-channels";
import { type SaveChannelState, saveChannelAction } from "./channel-actions";
import { type ChannelPanelProps, type EditorTemplate, presetSlackTemplate, presetTemplate } from "./channel-types";
import { EventFilterPicker } from "./event-filter-picker";
import { TemplatePreview } from "./template-preview";

type Props = ChannelPanelProps & {
  kind: "email" | "slack";
  channel: ChannelView | undefined;
  onClose: () => void;
  onSaved: (message: string) => void;
};

const AUTO = "auto";
// The server's limit (lib/channels/channel-input.ts); shown instead of cutting a pasted name.
const CHANNEL_NAME_MAX_LENGTH = 80;
const DISCARD_QUESTION = "Discard your unsaved changes to this channel?";

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
  const [recipients, setRecipients] = useState(channel?.recipients.join(", ") ?? "");
  const [slackUrl, setSlackUrl] = useState("");
  const [name, setName] = useState(channel?.name && kind === "slack" ? channel.name : suggestedSlackName);
  const [presetId, setPresetId] = useState(channel?.templatePreset ?? AUTO);
  const [eventTypes, setEventTypes] = useState<string[] | null>(channel?.eventTypes ?? null);
  const [previewType, setPreviewType] = useState(channel?.eventTypes?.[0] ?? "user.created");
  const [template, setTemplate] = useState<EditorTemplate>(() =>
    channel?.template
      ? {
          subject: channel.template.subject,
          html: channel.template.body,
          text: kind === "email" ? channel.template.text : channel.template.body,
        }
      : presetTemplate(kindPresets, channel?.templatePreset ?? AUTO, channel?.eventTypes?.[0] ?? "user.created"),
  );
  // Untouched preset text is saved as "use the preset", so Automatic keeps choosing per event type.
  const [isEdited, setIsEdited] = useState(Boolean(channel?.template));
  // The answer to a save, with the input it was for: once anything changes it no longer describes the form.
  const [saved, setSaved] = useState<{ state: SaveChannelState; input: string }>();
  const [pending, startTransition] = useTransition();

  const choosePreset = (id: string) => {
    setPresetId(id);
    setTemplate(presetTemplate(kindPresets, id, previewType));
    setIsEdited(false);
  };
  const edit = (next: EditorTemplate) => {
    setTemplate(next);
    // Text put back as the preset has it is the preset again: saved as "use the preset", previewed whole.
    setIsEdited(JSON.stringify(next) !== JSON.stringify(presetTemplate(kindPresets, presetId, previewType)));
  };
  const templateInput =
    kind === "email"
      ? template
      : isEdited
        ? { text: template.text }
        : presetSlackTemplate(kindPresets, presetId, previewType);
  const input =
    kind === "email"
      ? ({ kind, recipients, templatePreset: presetId, eventTypes, template: isEdited ? template : null } as const)
      : ({
          kind,
          name,
          slackUrl,
          templatePreset: presetId,
          eventTypes,
          template: isEdited ? { text: template.text } : null,
        } as const);
  const inputKey = JSON.stringify(input);
  const state = saved?.input === inputKey ? saved.state : undefined;
  const save = () =>
    startTransition(async () => {
      const result = await saveChannelAction(webhookId, input);
      if (result?.ok) onSaved(result.ok);
      else setSaved({ state: result, input: inputKey });
    });

  // Unsaved means different from what the dialog opened with; a preset following the preview's event
  // type is not an edit.
  const opened = useRef({ recipients, slackUrl, name, presetId, eventTypes, template: JSON.stringify(template) });
  const isDirty =
    recipients !== opened.current.recipients ||
    slackUrl !== opened.current.slackUrl ||
    name !== opened.current.name ||
    presetId !== opened.current.presetId ||
    JSON.stringify(eventTypes) !== JSON.stringify(opened.current.eventTypes) ||
    (isEdited && JSON.stringify(template) !== opened.current.template);
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
                <option value={AUTO}>Automatic: the best preset for each event</option>
                {kindPresets.map((preset) => (
                  <option key={preset.id} value={preset.id}>
                    {preset.name}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="ghost" onClick={() => choosePreset(presetId)}>
              Reset to preset
            </Button>
          </div>
          {kind === "email" ? (
            <>
              <EditorField
                id="template-subject"
                label="Subject"
                rows={2}
                value={template.subject}
                onChange={(subject) => edit({ ...template, subject })}
              />
              <EditorField
                id="template-html"
                label="HTML body"
                rows={10}
                value={template.html}
                onChange={(html) => edit({ ...template, html })}
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
            <EditorField
              id="template-slack"
              label="Message (Slack mrkdwn)"
              rows={8}
              value={template.text}
              onChange={(text) => edit({ ...template, text })}
            />
          )}
          <p className="text-xs text-slate-500">
            Handlebars: <code>{"{{event.data.first_name}}"}</code>, <code>{"{{primaryEmail event.data}}"}</code>,{" "}
            <code>{"{{formatDate event.timestamp}}"}</code>, <code>{"{{eventUrl}}"}</code>. Presets are never changed;
            your edits are saved on this channel.
          </p>
        </div>

        <TemplatePreview
          webhookId={webhookId}
          kind={kind}
          template={templateInput}
          eventType={previewType}
          onEventTypeChange={(type) => {
            setPreviewType(type);
            // Unedited Automatic shows the preset that this event type would get.
            if (!isEdited) setTemplate(presetTemplate(kindPresets, presetId, type));
          }}
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
