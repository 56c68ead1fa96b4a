import {
  AUTO_PRESET_ID,
  type EmailTemplate,
  getPreset,
  presetForEvent,
  type SlackTemplate,
} from "../templates/presets";

export type TemplateColumns = {
  kind: string;
  templatePreset: string;
  templateSubject: string | null;
  templateBody: string | null;
  templateText: string | null;
};

/** The user's edited copy when there is one, else the chosen preset ("auto": the one made for this event type). */
export function emailTemplateFor(channel: TemplateColumns, eventType: string | null): EmailTemplate {
  if (channel.templateBody !== null) {
    return { subject: channel.templateSubject ?? "", html: channel.templateBody, text: channel.templateText ?? "" };
  }
  return presetFor("email", channel.templatePreset, eventType).template;
}

export function slackTemplateFor(channel: TemplateColumns, eventType: string | null): SlackTemplate {
  if (channel.templateBody !== null) return { text: channel.templateBody };
  return presetFor("slack", channel.templatePreset, eventType).template;
}

function presetFor<K extends "email" | "slack">(kind: K, presetId: string, eventType: string | null) {
  if (presetId !== AUTO_PRESET_ID) {
    const preset = getPreset(kind, presetId);
    if (preset) return preset;
  }
  return presetForEvent(kind, eventType);
}
