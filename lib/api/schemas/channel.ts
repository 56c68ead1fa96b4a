import { z } from "zod";
import { ConditionsField } from "../../channels/channel-conditions";
import { ChannelName, EventTypes, MAX_TEMPLATE_ROWS, TemplateEventType } from "../../channels/channel-input";
import { listChannelKinds } from "../../channels/kinds/channel-kinds";
import type { ChannelView } from "../../channels/list-channels";
import { alertTemplateSchema } from "../../templates/alert-template";
import { kindWireFields, toSnakeCase } from "./kind-wire-fields";

// Request fields reuse the dashboard's channel schemas (lib/channels/channel-input.ts), each kind's own
// fields (its module's createFields, under snake_case keys: kind-wire-fields.ts) and the one template shape
// (lib/templates/alert-template.ts): the same recipient rules, URL checks, filter and parts.

// The registry at load: built-in kinds, and any a test added before this module was first imported.
const KINDS = listChannelKinds();

export const AlertTemplate = alertTemplateSchema.describe(
  "An alert template, the same shape for every kind of channel; each part is Handlebars, and a part left out is " +
    "empty. title: the email subject (one line) or the Slack header (plain text); body: the HTML body or the Slack " +
    "message (mrkdwn); text: the plain-text part or the Slack notification fallback; facts: Slack only, one " +
    "`Label: value` per line, shown as fields. Problems are named by these parts.",
);

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
  name: ChannelName.optional().describe("Defaults to the kind's own: Email, or a generated name for Slack."),
  event_types: EventFilter.default(null),
  conditions: Conditions.default(null),
  templates: TemplateChanges.default([]),
  enabled: z.boolean().default(true),
};

const kindCreates = KINDS.map((module) =>
  z
    .strictObject({ kind: z.literal(module.kind), ...kindWireFields(module, "create"), ...Common })
    .meta({ title: `${module.label}ChannelCreate`.replace(/\W/g, "") }),
);

export const ChannelCreate = z.discriminatedUnion(
  "kind",
  kindCreates as unknown as [(typeof kindCreates)[number], ...(typeof kindCreates)[number][]],
);

/**
 * A body's kind fields as the channel code takes them (camelCase, as the dashboard's form sends them):
 * every kind's wire keys, whichever kind the channel is; the channel rules refuse those of another kind.
 */
export function toKindFields(body: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of WIRE_KEYS) {
    if (body[toSnakeCase(key)] !== undefined) fields[key] = body[toSnakeCase(key)];
  }
  return fields;
}

/** Every kind's own field names (camelCase); a name two kinds share (a URL) is one wire field. */
const WIRE_KEYS = [...new Set(KINDS.flatMap((module) => Object.keys(module.updateFields.shape)))];

/** Field names more than one kind has (Discord's, Teams' and a signed webhook's `url`). */
const SHARED_KEYS = WIRE_KEYS.filter(
  (key) => KINDS.filter((module) => Object.hasOwn(module.updateFields.shape, key)).length > 1,
);

/**
 * Each kind's update fields, checked here by the module that owns them. A field several kinds share is only
 * a string here: which kind's rules apply depends on the channel, so the channel rules check it with its
 * own kind's schema (lib/channels/update-channel.ts), and a Teams URL is never judged as a Discord one.
 */
const kindUpdates: Record<string, z.ZodType> = {
  ...Object.assign({}, ...[...KINDS].reverse().map((module) => kindWireFields(module, "update"))),
  ...Object.fromEntries(
    SHARED_KEYS.map((key) => [
      toSnakeCase(key),
      z
        .string()
        .max(4000)
        .optional()
        .describe("Checked by the channel's kind (for a secret: write-only, blank keeps the saved value)."),
    ]),
  ),
};

/** The fields of either kind; the channel rules refuse those that do not fit the channel's kind. */
export const ChannelUpdate = z.strictObject({
  name: ChannelName.optional(),
  ...kindUpdates,
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
  kind: z.enum(KINDS.map(({ kind }) => kind) as [string, ...string[]]),
  enabled: z.boolean(),
  name: z.string(),
  recipients: z.array(z.string()).describe("Email channels; empty for every other kind."),
  slack_url_hint: z
    .string()
    .nullable()
    .describe("The saved Slack URL, masked: https://hooks.slack.com/services/…abcd."),
  settings: z
    .record(z.string(), z.string())
    .describe(
      "The kind's settings by their request names: a plain setting's saved value, a write-only one only masked " +
        "(https://discord.com/api/webhooks/1234…/…abcd). Secrets are never sent back.",
    ),
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

/** The create answer: the channel, and once only what its kind made for its creator to copy. */
export const ChannelCreated = Channel.extend({
  revealed: z
    .object({
      title: z.string().describe("What it is: “Signing secret”."),
      value: z.string().describe("The secret itself (whsec_…): returned once, in this answer only; copy it now."),
      note: z.string().describe("Where to paste it."),
    })
    .optional()
    .describe("Only for kinds that make their own secret, and only in the create answer."),
});

export function toApiChannel(webhookId: string, view: ChannelView): z.input<typeof Channel> {
  return {
    id: view.id,
    webhook_id: webhookId,
    kind: view.kind,
    enabled: view.isEnabled,
    name: view.name,
    recipients: view.recipients,
    slack_url_hint: view.slackUrlMasked,
    settings: Object.fromEntries(Object.entries(view.settings).map(([key, value]) => [toSnakeCase(key), value])),
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
