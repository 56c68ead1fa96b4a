import { field } from "../read-fields";
import type { Sender } from "../sender";
import { SUPABASE_SETTINGS_FIELDS, type SupabaseConfig, SupabaseConfigSchema } from "./supabase-config";
import { SUPABASE_EVENT_GROUPS } from "./supabase-events";
import { SUPABASE_PRESETS } from "./supabase-presets";
import { sampleSupabaseEvent } from "./supabase-samples";

const MIN_SECRET = 16;
const MAX_SECRET = 512;

/**
 * Supabase database webhooks (pg_net triggers): unsigned, so the user adds a secret header in Supabase and
 * Hookbell compares it in constant time. No delivery id and no timestamp: deduplicated on the body's hash.
 */
export const supabase: Sender<SupabaseConfig> = {
  id: "supabase",
  name: "Supabase",
  category: "database",
  keywords: ["database", "postgres", "database webhooks", "pg_net", "rows", "insert", "update", "delete"],
  docsUrl: "https://supabase.com/docs/guides/database/webhooks",
  urlHelp: [
    "Open your project in the Supabase Dashboard and go to Database → Webhooks (Integrations → Database Webhooks).",
    "Press Create a new hook, pick the table and the events (Insert, Update, Delete).",
    "Choose HTTP Request, method POST, and paste the Webhook URL above as the URL.",
    "Under HTTP Headers press Add a new header: the name from the settings here (x-webhook-secret by default), the secret as its value. Press Create webhook.",
  ],
  secret: {
    label: "Secret header value",
    placeholder: "a long random value, e.g. from openssl rand -hex 32",
    help: "Supabase does not sign its database webhooks: make up a long random value, paste it here, and add it in Supabase under Database → Webhooks → your webhook → HTTP Headers, as the value of the header named in the settings.",
    check: (secret) => {
      if (hasControlCharacter(secret)) {
        return "A header value cannot contain line breaks, tabs or control characters.";
      }
      if (secret.length < MIN_SECRET) {
        return `Use at least ${MIN_SECRET} characters: anyone who guesses the value can post events (openssl rand -hex 32 makes a good one).`;
      }
      if (secret.length > MAX_SECRET) return `A secret is at most ${MAX_SECRET} characters.`;
      return undefined;
    },
  },
  config: SupabaseConfigSchema,
  settingsFields: SUPABASE_SETTINGS_FIELDS,
  verification: (config) => ({ scheme: "token", header: config.header }),
  // Supabase sends only the user's headers and pg_net's generic ones.
  marks: [],
  idempotency: null,
  identify: (_request, payload) => {
    const schema = field(payload, "schema");
    const table = field(payload, "table");
    return {
      messageId: null,
      eventType: field(payload, "type")?.toLowerCase() ?? null,
      eventObject: table ? (schema ? `${schema}.${table}` : table) : null,
    };
  },
  events: [...SUPABASE_EVENT_GROUPS],
  sample: (eventType, now) => sampleSupabaseEvent(eventType, now),
  presets: SUPABASE_PRESETS,
};

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
