import { z } from "zod";
import { describeIdempotency, type SenderDescription } from "../../senders/describe-sender";
import { SENDER_CATEGORIES } from "../../senders/sender-categories";
import { SENDERS } from "../../senders/senders";

/** A sender id the API takes as a webhook's `provider`, listed from the registry. */
export const SenderId = z.enum(SENDERS.map((sender) => sender.id) as [string, ...string[]], {
  error: `Choose an application to connect: ${SENDERS.map((sender) => sender.id).join(", ")}.`,
});

const SettingField = z.object({
  name: z.string().describe("The key in `sender_settings`."),
  label: z.string(),
  help: z.string().nullable(),
  placeholder: z.string().nullable(),
  type: z.enum(["text", "number", "select"]).describe("A number field takes a JSON number; the others text."),
  options: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
  show_when: z
    .object({ field: z.string(), value: z.string() })
    .nullable()
    .describe("Applies only when another setting has this value."),
  default_value: z.string().nullable(),
});

export const Sender = z.object({
  id: SenderId.describe("What a webhook's `provider` takes."),
  name: z.string(),
  category: z.enum(SENDER_CATEGORIES.map((category) => category.id) as [string, ...string[]]),
  keywords: z.array(z.string()),
  docs_url: z.string().describe("The sender's own webhook documentation."),
  url_help: z.array(z.string()).describe("Where to paste the Webhook URL in the sender's dashboard, step by step."),
  secret: z.object({ label: z.string(), placeholder: z.string(), help: z.string() }),
  idempotency: z
    .string()
    .nullable()
    .describe(
      "What deduplicates its deliveries; null: it sends no delivery id and an identical body within 24 hours is a duplicate.",
    ),
  idempotency_note: z.string().describe("The same, as the Connect panel words it."),
  settings: z.array(SettingField).describe("Fields of `sender_settings`, saved with the signing secret; [] for none."),
  events: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        types: z.array(z.object({ type: z.string(), description: z.string() })),
      }),
    )
    .describe("Its event catalog, grouped as its dashboard groups it; other types are still accepted."),
});

export const SenderList = z.object({ data: z.array(Sender) });

export function toApiSender(sender: SenderDescription): z.input<typeof Sender> {
  return {
    id: sender.id,
    name: sender.name,
    category: sender.category,
    keywords: sender.keywords,
    docs_url: sender.docsUrl,
    url_help: sender.urlHelp,
    secret: sender.secret,
    idempotency: sender.idempotency,
    idempotency_note: describeIdempotency(sender),
    settings: sender.settingsFields.map((field) => ({
      name: field.name,
      label: field.label,
      help: field.help ?? null,
      placeholder: field.placeholder ?? null,
      type: field.type,
      options: field.options ?? null,
      show_when: field.showWhen ?? null,
      default_value: field.defaultValue ?? null,
    })),
    events: sender.events,
  };
}
