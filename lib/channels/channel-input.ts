import { z } from "zod";
import { stripChannelHash } from "../format/format-slack-channel";
import { alertTemplateSchema } from "../templates/alert-template";
import { ConditionsField } from "./channel-conditions";

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

/**
 * A new channel: its kind, the settings every kind has, and the kind's own fields, which the kind's module
 * checks (lib/channels/kinds/: `createFields`), so a new kind needs no change here.
 */
export const CreateChannelInput = z.looseObject({ kind: z.string().trim().min(1).max(40), ...Settings });
export type CreateChannelInput = z.input<typeof CreateChannelInput> & Record<string, unknown>;

/** The settings every kind shares; the kind's own fields (`updateFields`) are checked by its module. */
export const UpdateChannelInput = z.looseObject({
  ...Settings,
  /** Event types whose override goes back to the preset (or to the channel's default). */
  resetTemplates: z.array(TemplateEventType).max(MAX_TEMPLATE_ROWS).optional(),
  /** The channel's updatedAt as the editor loaded it: a save over someone else's newer change is refused. */
  expectedUpdatedAt: z.iso.datetime().optional(),
});
export type UpdateChannelInput = z.input<typeof UpdateChannelInput> & Record<string, unknown>;
export type ParsedUpdateChannelInput = z.output<typeof UpdateChannelInput>;

/** The keys of the shared settings: every other key of an input is one of a kind's own fields. */
export const SHARED_CREATE_KEYS = new Set(Object.keys(CreateChannelInput.shape));
export const SHARED_UPDATE_KEYS = new Set(Object.keys(UpdateChannelInput.shape));
