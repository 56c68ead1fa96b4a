import type { KindForm, KindNotice } from "@/lib/channels/kinds/channel-kind";
import type { ChannelView } from "@/lib/channels/list-channels";
import { formatSlackChannel } from "@/lib/format/format-slack-channel";
import type { AlertTemplate } from "@/lib/templates/alert-template";

// What the server page hands the channel components: presets and the event catalog as plain data.
export type PresetOption = { id: string; name: string; eventType: string | null; template: AlertTemplate };

export type EventGroupOption = { id: string; name: string; types: { type: string; description: string }[] };

/** The type the event pickers start on: the sender's first, or a neutral one for a sender without a catalog. */
export function firstEventType(groups: EventGroupOption[]): string {
  return groups[0]?.types[0]?.type ?? "ping";
}

/** A kind of channel as the dashboard offers it, from its module in the registry (plain data). */
export type KindOption = {
  kind: string;
  label: string;
  noun: string;
  /** The template format it renders: which preview shows it (previews.tsx). */
  format: string;
  form: KindForm;
  /** False for a kind without a form of its own: its channels list, but no new one is offered. */
  isOffered: boolean;
  presets: PresetOption[];
  /** The name field's starting value for a new channel (the module's defaultName). */
  suggestedName: string;
  notice: KindNotice | null;
};

export type ChannelPanelProps = {
  webhookId: string;
  channels: ChannelView[];
  /** In the registry's order; a kind without a form is not offered, but its channels still list. */
  kinds: KindOption[];
  eventGroups: EventGroupOption[];
};

/** "An email", "A Slack": the article a noun takes in a button or sentence. */
export function withArticle(noun: string, capital = false): string {
  const article = /^[aeiou]/i.test(noun) ? "an" : "a";
  return `${capital ? article[0].toUpperCase() + article.slice(1) : article} ${noun}`;
}

/** A channel's name as its kind shows it: Slack's `#signups`, everyone else's as typed. */
export function displayChannelName(form: KindForm | undefined, name: string): string {
  return form?.displayName === "slack-channel" ? formatSlackChannel(name) : name;
}

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
