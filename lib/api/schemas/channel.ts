import { z } from "zod";
import { type EmailChannelInput, EventTypes, Recipients, SlackChannelInput } from "../../channels/channel-input";
import type { ChannelView } from "../../channels/list-channels";
import { SlackUrlSchema } from "../../channels/slack-url";
import { AUTO_PRESET_ID, type ChannelKind, getPreset } from "../../templates/presets";

// Request fields reuse the dashboard's channel schemas (lib/channels/channel-input.ts): the same recipient
// rules, Slack URL shape, event filter and template parts.

export const EmailTemplate = z.strictObject({ subject: z.string(), html: z.string(), text: z.string() });
export const SlackTemplate = z.strictObject({ text: z.string() });

const presetId = (kind: ChannelKind) =>
  z
    .string()
    .min(1)
    .max(80)
    .refine((id) => id === AUTO_PRESET_ID || getPreset(kind, id) !== undefined, {
      message: "Choose a template preset listed by GET /api/v1/templates, or auto.",
    })
    .describe("A preset id from GET /templates; auto (the default) picks the preset made for each event type.");

const RecipientList = z
  .array(z.string().max(320))
  .max(100)
  .transform((addresses) => addresses.join(", "))
  .pipe(Recipients)
  .describe("Email addresses, at most 20.");

const EventFilter = EventTypes.describe("Event types to alert on; null (the default) alerts on every event.");

export const EmailChannelCreate = z.strictObject({
  kind: z.literal("email"),
  recipients: RecipientList,
  template_preset: presetId("email").default(AUTO_PRESET_ID),
  template: EmailTemplate.nullable().default(null).describe("Your own copy of the template; null renders the preset."),
  event_types: EventFilter.default(null),
  enabled: z.boolean().default(true),
});

export const SlackChannelCreate = z.strictObject({
  kind: z.literal("slack"),
  name: SlackChannelInput.shape.name.optional().describe("Defaults to a generated name."),
  slack_url: SlackUrlSchema.describe("Write-only: an https://hooks.slack.com/services/… incoming-webhook URL."),
  template_preset: presetId("slack").default(AUTO_PRESET_ID),
  template: SlackTemplate.nullable().default(null),
  event_types: EventFilter.default(null),
  enabled: z.boolean().default(true),
});

export const ChannelCreate = z.discriminatedUnion("kind", [EmailChannelCreate, SlackChannelCreate]);

/** The fields of either kind; the handler refuses those that do not fit the channel's kind. */
export const ChannelUpdate = z.strictObject({
  recipients: RecipientList.optional().describe("Email channels only."),
  name: SlackChannelInput.shape.name.optional().describe("Slack channels only."),
  slack_url: SlackUrlSchema.optional().describe("Slack channels only. Write-only."),
  template_preset: z.string().min(1).max(80).optional(),
  template: z.union([EmailTemplate, SlackTemplate]).nullable().optional(),
  event_types: EventFilter.optional(),
  enabled: z.boolean().optional(),
});

export const Channel = z.object({
  id: z.string(),
  webhook_id: z.string(),
  kind: z.enum(["email", "slack"]),
  enabled: z.boolean(),
  name: z.string(),
  recipients: z.array(z.string()).describe("Email channels; empty for Slack."),
  slack_url_hint: z
    .string()
    .nullable()
    .describe("The saved Slack URL, masked: https://hooks.slack.com/services/…abcd."),
  template_preset: z.string(),
  template: z.union([EmailTemplate, SlackTemplate]).nullable(),
  event_types: z.array(z.string()).nullable(),
});

export const ChannelList = z.object({ data: z.array(Channel) });

export function toApiChannel(webhookId: string, view: ChannelView): z.input<typeof Channel> {
  const template =
    view.template === null
      ? null
      : view.kind === "email"
        ? { subject: view.template.subject, html: view.template.body, text: view.template.text }
        : { text: view.template.body };
  return {
    id: view.id,
    webhook_id: webhookId,
    kind: view.kind,
    enabled: view.isEnabled,
    name: view.name,
    recipients: view.recipients,
    slack_url_hint: view.slackUrlMasked,
    template_preset: view.templatePreset,
    template,
    event_types: view.eventTypes,
  };
}

// Kept beside the API's shapes so a change to the dashboard's input type shows up here at compile time.
export type LibChannelInput = z.input<typeof EmailChannelInput> | z.input<typeof SlackChannelInput>;
