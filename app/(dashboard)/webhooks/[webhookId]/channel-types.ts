import type { ChannelView } from "@/lib/channels/list-channels";
import type { AlertTemplate } from "@/lib/templates/alert-template";

// What the server page hands the channel components: presets and the event catalog as plain data.
export type PresetOption = { id: string; name: string; eventType: string | null; template: AlertTemplate };

export type EventGroupOption = { id: string; name: string; types: { type: string; description: string }[] };

export type ChannelPanelProps = {
  webhookId: string;
  channels: ChannelView[];
  presets: { email: PresetOption[]; slack: PresetOption[] };
  eventGroups: EventGroupOption[];
  isDevMailbox: boolean;
  suggestedSlackName: string;
};

export const AUTO = "auto";
/** The event type of a channel's default template row. */
export const DEFAULT_TYPE = "*";

/** The editor's starting text: the chosen preset, or under Automatic the preset made for the event type. */
export function presetTemplate(presets: PresetOption[], presetId: string, eventType: string): AlertTemplate {
  const chosen =
    presets.find((preset) => preset.id === presetId) ??
    presets.find((preset) => preset.eventType === eventType) ??
    presets.find((preset) => preset.eventType === null) ??
    presets[0];
  return chosen?.template ?? { title: "", body: "", text: "", facts: "" };
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
