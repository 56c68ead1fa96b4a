import { z } from "zod";
import { ConditionsField } from "../../channels/channel-conditions";
import {
  ChannelName,
  EventTypes,
  MAX_TEMPLATE_ROWS,
  Recipients,
  TemplateEventType,
} from "../../channels/channel-input";
import type { ChannelKindId } from "../../channels/kinds/channel-kind";
import { CHANNEL_KINDS } from "../../channels/kinds/channel-kinds";
import type { ChannelView } from "../../channels/list-channels";
import { SlackUrlSchema } from "../../channels/slack-url";
import { alertTemplateSchema } from "../../templates/alert-template";

// Request fields reuse the dashboard's channel schemas (lib/channels/channel-input.ts) and the one template
// shape (lib/templates/alert-template.ts): the same recipient rules, Slack URL shape, filter and parts.

export const AlertTemplate = alertTemplateSchema.describe(
  "An alert template, the same shape for every kind of channel; each part is Handlebars, and a part left out is " +
    "empty. title: the email subject (one line) or the Slack header (plain text); body: the HTML body or the Slack " +
    "message (mrkdwn); text: the plain-text part or the Slack notification fallback; facts: Slack only, one " +
    "`Label: value` per line, shown as fields. Problems are named by these parts.",
);

const RecipientList = z
  .array(z.string().max(320))
  .max(100)
  .transform((addresses) => addresses.join(", "))
  .pipe(Recipients)
  .describe("Email addresses, at most 20.");

const EventFilter = EventTypes.describe("Event types to alert on; null (the default) alerts on every event.");
const Conditions = ConditionsField.describe(
  "Conditions on the payload, Hookdeck's filter syntax ($eq, $neq, $gt, $gte, $lt, $lte, $in, $nin, $startsWith, " +
    "$endsWith, $exist, $and, $or, $not); an event that fails them is logged as not alerted, naming the condition. " +
    "null (the default) means none.",
);

const TemplateChange = z.strictObject({
  event_type: TemplateEventType.describe("The event type this template is for; * is the channel's default."),
  preset_id: z
    .string()
    .min(1)
    .max(80)
    .nullable()
    .default(null)
    .describe("A preset id from GET /templates to start from; null: the preset made for the event type."),
  template: AlertTemplate.nullable().default(null).describe("Your parts; null renders the preset as it ships."),
});
const TemplateChanges = z
  .array(TemplateChange)
  .max(MAX_TEMPLATE_ROWS)
  .describe(
    "Template rows to save, each replacing only the row of its event type. With no row for an event's type " +
      "(and no * row) the channel renders the preset made for that type.",
  );

const Common = {
  name: ChannelName.optional().describe("Defaults to Email, or a generated name for Slack."),
  event_types: EventFilter.default(null),
  conditions: Conditions.default(null),
  templates: TemplateChanges.default([]),
  enabled: z.boolean().default(true),
};

export const EmailChannelCreate = z.strictObject({ kind: z.literal("email"), recipients: RecipientList, ...Common });
export const SlackChannelCreate = z.strictObject({
  kind: z.literal("slack"),
  slack_url: SlackUrlSchema.describe("Write-only: an https://hooks.slack.com/services/… incoming-webhook URL."),
  ...Common,
});

export const ChannelCreate = z.discriminatedUnion("kind", [EmailChannelCreate, SlackChannelCreate]);

/**
 * Each kind's own fields as the API spells them (snake_case, lists), as the channel code takes them
 * (the kind module's createFields / updateFields). Only the wire names live here.
 */
export function toKindFields(body: { recipients?: string[]; slack_url?: string }): Record<string, unknown> {
  return { recipients: body.recipients?.join(", "), slackUrl: body.slack_url };
}

/** The fields of either kind; the channel rules refuse those that do not fit the channel's kind. */
export const ChannelUpdate = z.strictObject({
  name: ChannelName.optional(),
  recipients: RecipientList.optional().describe("Email channels only."),
  slack_url: SlackUrlSchema.optional().describe("Slack channels only. Write-only."),
  event_types: EventFilter.optional(),
  conditions: Conditions.optional(),
  templates: TemplateChanges.optional(),
  reset_templates: z
    .array(TemplateEventType)
    .max(MAX_TEMPLATE_ROWS)
    .optional()
    .describe("Event types (or *) whose template row is deleted: that type goes back to its preset."),
  enabled: z.boolean().optional(),
  expected_updated_at: z.iso
    .datetime()
    .optional()
    .describe(
      "The channel's updated_at as you read it: a change made since then answers 409 instead of being overwritten.",
    ),
});

const TemplateRow = z.object({
  event_type: z.string(),
  preset_id: z.string().nullable(),
  template: AlertTemplate.describe("What the row renders: its own parts, the preset's where it has none."),
  edited: z.boolean(),
});

export const Channel = z.object({
  id: z.string(),
  webhook_id: z.string(),
  kind: z.enum(Object.keys(CHANNEL_KINDS) as [ChannelKindId, ...ChannelKindId[]]),
  enabled: z.boolean(),
  name: z.string(),
  recipients: z.array(z.string()).describe("Email channels; empty for Slack."),
  slack_url_hint: z
    .string()
    .nullable()
    .describe("The saved Slack URL, masked: https://hooks.slack.com/services/…abcd."),
  event_types: z.array(z.string()).nullable().describe("Event types it alerts on; null: every event."),
  conditions: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("Conditions on the payload (Hookdeck's filter syntax) an event must pass; null: none."),
  templates: z
    .array(TemplateRow)
    .describe(
      "The template set: the default row (event_type *) and one override per event type. An event type with " +
        "no row (and no * row) renders its own preset; empty means every event type does (Automatic).",
    ),
  updated_at: z.string(),
});

export const ChannelList = z.object({ data: z.array(Channel) });

export function toApiChannel(webhookId: string, view: ChannelView): z.input<typeof Channel> {
  return {
    id: view.id,
    webhook_id: webhookId,
    kind: view.kind as ChannelKindId,
    enabled: view.isEnabled,
    name: view.name,
    recipients: view.recipients,
    slack_url_hint: view.slackUrlMasked,
    event_types: view.eventTypes,
    conditions: view.conditions,
    templates: view.templates.map((row) => ({
      event_type: row.eventType,
      preset_id: row.presetId,
      template: row.template,
      edited: row.isEdited,
    })),
    updated_at: view.updatedAt,
  };
}

export function fromApiTemplates(changes: z.output<typeof TemplateChange>[]) {
  return changes.map((change) => ({
    eventType: change.event_type,
    presetId: change.preset_id,
    template: change.template,
  }));
}
