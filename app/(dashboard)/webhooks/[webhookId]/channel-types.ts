import type { ChannelView } from "@/lib/channels/list-channels";

// What the server page hands the channel components: presets and the event catalog as plain data.
export type PresetOption = {
  id: string;
  name: string;
  eventType: string | null;
  /** Email: subject, html, text. Slack: title, body, text, facts (an AlertTemplate). */
  template: { subject?: string; html?: string; text: string; title?: string; body?: string; facts?: string };
};

export type EventGroupOption = { id: string; name: string; types: { type: string; description: string }[] };

export type ChannelPanelProps = {
  webhookId: string;
  channels: ChannelView[];
  presets: { email: PresetOption[]; slack: PresetOption[] };
  eventGroups: EventGroupOption[];
  isDevMailbox: boolean;
  suggestedSlackName: string;
};

export type EditorTemplate = { subject: string; html: string; text: string };

/** The editor's starting text for a preset; "auto" shows the preset made for the preview's event type. */
export function presetTemplate(presets: PresetOption[], presetId: string, eventType: string): EditorTemplate {
  const chosen = choosePreset(presets, presetId, eventType);
  return {
    subject: chosen?.template.subject ?? "",
    html: chosen?.template.html ?? "",
    // A Slack preset's editable text is its body; header, fields and button are built around it.
    text: chosen?.template.body ?? chosen?.template.text ?? "",
  };
}

/** The whole Slack preset (header, body, facts, notification text) an unedited channel renders. */
export function presetSlackTemplate(presets: PresetOption[], presetId: string, eventType: string) {
  const { title = "", body = "", text = "", facts = "" } = choosePreset(presets, presetId, eventType)?.template ?? {};
  return { title, body, text, facts };
}

function choosePreset(presets: PresetOption[], presetId: string, eventType: string): PresetOption | undefined {
  return (
    presets.find((preset) => preset.id === presetId) ??
    presets.find((preset) => preset.eventType === eventType) ??
    presets.find((preset) => preset.eventType === null) ??
    presets[0]
  );
}
