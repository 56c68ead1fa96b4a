import type { Db } from "../db/client";
import { type AlertTemplate, type AlertTemplateColumns, toAlertTemplate } from "../templates/alert-template";
import { getPreset, presetForEvent } from "../templates/presets";
import { requireChannelKind } from "./kinds/channel-kinds";

/** The event type of a channel's default template row: it applies to every type without a row of its own. */
export const DEFAULT_TEMPLATE_TYPE = "*";

/** A stored row of a channel's template set (ChannelTemplate). */
export type TemplateRow = AlertTemplateColumns & { eventType: string; presetId: string | null };

export type ResolvedTemplate = {
  template: AlertTemplate;
  /** override: the row for this event type; default: the channel's "*" row; preset: no row, the type's preset. */
  source: "override" | "default" | "preset";
  presetId: string;
};

/**
 * The template a channel renders for one event type. "Automatic" is the absence of rows: each type renders
 * the preset made for it, so editing the alert of one type never changes the others.
 */
export function templateFor(
  channel: { kind: string; templates: TemplateRow[] },
  eventType: string | null,
  /** The webhook's sender (Webhook.provider): its presets are the ones that apply. */
  sender?: string | null,
): ResolvedTemplate {
  // Presets belong to the template format the kind renders.
  const kind = requireChannelKind(channel.kind).format;
  const override = eventType === null ? undefined : channel.templates.find((row) => row.eventType === eventType);
  const row = override ?? channel.templates.find((candidate) => candidate.eventType === DEFAULT_TEMPLATE_TYPE);
  if (!row) {
    const preset = presetForEvent(kind, eventType, sender);
    return { template: preset.template, source: "preset", presetId: preset.id };
  }
  // An unknown preset id (one removed since it was chosen) falls back to the type's own preset.
  const preset = (row.presetId !== null && getPreset(kind, row.presetId)) || presetForEvent(kind, eventType, sender);
  return {
    template: toAlertTemplate(row, preset.template),
    source: override ? "override" : "default",
    presetId: preset.id,
  };
}

/** The worker's lookup: only the rows that can apply to this event (its type's and the default). */
export async function loadTemplateFor(
  db: Db,
  channel: { id: string; projectId: string; kind: string },
  eventType: string | null,
  sender: string | null,
): Promise<AlertTemplate> {
  const templates = await db.channelTemplate.findMany({
    where: {
      channelId: channel.id,
      projectId: channel.projectId,
      eventType: { in: eventType === null ? [DEFAULT_TEMPLATE_TYPE] : [eventType, DEFAULT_TEMPLATE_TYPE] },
    },
    select: { eventType: true, presetId: true, title: true, body: true, text: true, facts: true },
  });
  return templateFor({ kind: channel.kind, templates }, eventType, sender).template;
}
