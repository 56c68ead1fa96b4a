import { z } from "zod";
import { stripChannelHash } from "../format/format-slack-channel";
import { SlackUrlSchema } from "./slack-url";

const MAX_RECIPIENTS = 20;
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

const Common = {
  templatePreset: z.string().min(1).max(80),
  eventTypes: EventTypes,
};

export const EmailChannelInput = z.object({
  kind: z.literal("email"),
  recipients: Recipients,
  ...Common,
  // null: render the chosen preset as it ships; otherwise the user's edited copy.
  template: z.object({ subject: z.string(), html: z.string(), text: z.string() }).nullable(),
});

export const SlackChannelInput = z.object({
  kind: z.literal("slack"),
  // Stored without the "#" people type as they see it in Slack; the dashboard adds one when it shows it.
  name: z
    .string()
    .transform(stripChannelHash)
    .pipe(z.string().trim().min(1, "Give the channel a name.").max(80, "Keep the name to 80 characters or fewer.")),
  // Blank keeps the saved URL: it is never sent back to the browser to be resubmitted.
  slackUrl: z.union([z.literal(""), SlackUrlSchema]),
  ...Common,
  template: z.object({ text: z.string() }).nullable(),
});

export const ChannelInput = z.discriminatedUnion("kind", [EmailChannelInput, SlackChannelInput]);
export type ChannelInput = z.input<typeof ChannelInput>;
export type ParsedChannelInput = z.output<typeof ChannelInput>;
