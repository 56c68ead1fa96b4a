import type { ChannelView } from "@/lib/channels/list-channels";

// What the server page hands the channel components: presets and the event catalog as plain data.
export type PresetOption = {
  id: string;
  name: string;
  eventType: string | null;
  template: { subject?: string; html?: string; text: string };
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
  const chosen =
    presets.find((preset) => preset.id === presetId) ??
    presets.find((preset) => preset.eventType === eventType) ??
    presets.find((preset) => preset.eventType === null) ??
    presets[0];
  return {
    subject: chosen?.template.subject ?? "",
    html: chosen?.template.html ?? "",
    text: chosen?.template.text ?? "",
  };
}
