import { z } from "zod";
import type { AnyChannelKind } from "../../channels/kinds/channel-kind";

/** slackUrl → slack_url, botToken → bot_token: how the API spells a kind's field. */
export function toSnakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * A kind's own fields as request fields, from its module alone: snake_case keys; each value as the module's
 * apiFields spells it (email's recipients: a list), else a string as the dashboard's form sends it. Each is
 * checked by the module's own schema here, so a bad value answers 422 naming the field, and what passes on
 * is the form's string, which the channel code parses once more.
 */
export function kindWireFields(module: AnyChannelKind, op: "create" | "update"): Record<string, z.ZodType> {
  const shape = (op === "create" ? module.createFields : module.updateFields).shape as Record<string, z.ZodType>;
  const fields: Record<string, z.ZodType> = {};
  for (const [key, check] of Object.entries(shape)) {
    const field = module.form?.fields.find((candidate) => candidate.name === key);
    const wire = module.apiFields?.[key] ?? z.string().max(4000);
    const checked = wire.superRefine((value, ctx) => {
      const result = check.safeParse(value);
      for (const issue of result.error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message });
    });
    const about = [
      `${module.label} channels only.`,
      field ? `${field.label}: ${field.help}` : "",
      field?.secret ? "Write-only: never sent back, only masked in `settings`." : "",
      op === "update" && field?.secret ? "Left out keeps the saved value." : "",
    ];
    const described = checked.describe(about.filter(Boolean).join(" "));
    fields[toSnakeCase(key)] = op === "update" ? described.optional() : described;
  }
  return fields;
}
