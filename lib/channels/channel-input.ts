import { z } from "zod";
import { stripChannelHash } from "../format/format-slack-channel";
import { alertTemplateSchema } from "../templates/alert-template";
import { ConditionsField } from "./channel-conditions";
import { SlackUrlSchema } from "./slack-url";

const MAX_RECIPIENTS = 20;
/** Enough for every event type of a provider twice over; a template set is one row per type. */
export const MAX_TEMPLATE_ROWS = 200;

export const EventTypes = z
  .array(z.string().trim().min(1).max(200))
  .max(200)
  .nullable()
  .refine((types) => types === null || types.length > 0, "Choose at least one event type, or alert on all events.");

export const Recipients = z
  .string()
  .transform((value) => [...new Set(value.split(/[\s,;]+/).filter(Boolean))])
  .superRefine((addresses, ctx) => {
    if (addresses.length === 0) ctx.addIssue({ code: "custom", message: "Enter at least one email address." });
    if (addresses.length > MAX_RECIPIENTS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_RECIPIENTS} recipients per channel.` });
    }
    for (const address of addresses) {
      if (!z.email().safeParse(address).success) {
        ctx.addIssue({ code: "custom", message: `“${address.slice(0, 80)}” is not a valid email address.` });
      }
    }
  });

export const ChannelName = z
  .string()
  // Stored without the "#" people type as they see it in Slack; the dashboard adds one when it shows it.
  .transform(stripChannelHash)
  .pipe(z.string().trim().min(1, "Give the channel a name.").max(80, "Keep the name to 80 characters or fewer."));

/** "*" (the channel's default) or one event type. */
export const TemplateEventType = z.string().trim().min(1).max(200);

/**
 * One row of a template set to save. presetId null: the preset made for the event type ("Automatic");
 * template null: the preset's parts as they ship.
 */
export const TemplateChange = z.strictObject({
  eventType: TemplateEventType,
  presetId: z.string().min(1).max(80).nullable().default(null),
  template: alertTemplateSchema.nullable().default(null),
});
export type TemplateChange = z.output<typeof TemplateChange>;

const TemplateChanges = z.array(TemplateChange).max(MAX_TEMPLATE_ROWS);

/** What every kind of channel has; each field left out keeps its saved value on update. */
const Settings = {
  name: ChannelName.optional(),
  isEnabled: z.boolean().optional(),
  eventTypes: EventTypes.optional(),
  conditions: ConditionsField.optional(),
  templates: TemplateChanges.optional(),
};

export const CreateChannelInput = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("email"), recipients: Recipients, ...Settings }),
  z.strictObject({ kind: z.literal("slack"), slackUrl: SlackUrlSchema, ...Settings }),
]);
export type CreateChannelInput = z.input<typeof CreateChannelInput>;

export const UpdateChannelInput = z.strictObject({
  ...Settings,
  recipients: Recipients.optional(),
  // Left out or blank keeps the saved URL: it is never sent back to the browser to be resubmitted.
  slackUrl: z.union([z.literal(""), SlackUrlSchema]).optional(),
  /** Event types whose override goes back to the preset (or to the channel's default). */
  resetTemplates: z.array(TemplateEventType).max(MAX_TEMPLATE_ROWS).optional(),
  /** The channel's updatedAt as the editor loaded it: a save over someone else's newer change is refused. */
  expectedUpdatedAt: z.iso.datetime().optional(),
});
export type UpdateChannelInput = z.input<typeof UpdateChannelInput>;
export type ParsedUpdateChannelInput = z.output<typeof UpdateChannelInput>;
