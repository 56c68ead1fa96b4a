import { z } from "zod";
import { headerNameSetting } from "../header-name";
import type { SettingField } from "../sender";

// Supabase signs nothing: the user adds an HTTP header with a secret to the database webhook, and names it
// here. Any header the user can set in Supabase works, `authorization` included (its value is then the
// whole "Bearer …" text).

export const DEFAULT_SUPABASE_HEADER = "x-webhook-secret";

export const SupabaseConfigSchema = z.object({
  header: headerNameSetting("Secret header").default(DEFAULT_SUPABASE_HEADER),
});

export type SupabaseConfig = z.infer<typeof SupabaseConfigSchema>;

export const SUPABASE_SETTINGS_FIELDS: SettingField[] = [
  {
    name: "header",
    label: "Secret header",
    help: "The name of the HTTP header you add to the webhook in Supabase; its value is the secret below.",
    placeholder: DEFAULT_SUPABASE_HEADER,
    type: "text",
    defaultValue: DEFAULT_SUPABASE_HEADER,
  },
];
