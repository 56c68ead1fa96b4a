import type { PresetSpec } from "../preset-spec";

// A row's columns are the user's own, so the lead lists the first few (keyFields) or, for an update, the
// ones that changed (changedFields); the facts are what every Supabase table webhook carries.

const TABLE = "{{event.schema}}.{{event.table}}";

export const SUPABASE_PRESETS: PresetSpec[] = [
  {
    id: "supabase-insert",
    eventType: "insert",
    name: "New row",
    description: "A row was inserted into a table.",
    emoji: "🆕",
    title: `New row in ${TABLE}`,
    lead: `A row was inserted into ${TABLE}{{#each (keyFields event.record 4 "id" "created_at" "updated_at")}}{{#if @first}} — {{else}}, {{/if}}{{label}}: {{value}}{{/each}}.`,
    facts: [
      { label: "Table", value: "event.table", code: true },
      { label: "Schema", value: "event.schema", code: true },
      { label: "Row ID", value: "event.record.id", code: true },
      { label: "Created", value: "formatDate event.record.created_at" },
    ],
    summary: `New row in ${TABLE}{{#if event.record.id}} (id {{event.record.id}}){{/if}}`,
  },
  {
    id: "supabase-update",
    eventType: "update",
    name: "Row updated",
    description: "A row of a table changed.",
    emoji: "✏️",
    title: `Row updated in ${TABLE}`,
    lead: `A row of ${TABLE} changed{{#each (changedFields event.record event.old_record 5 "updated_at")}}{{#if @first}} — {{else}}; {{/if}}{{label}}: {{from}} → {{to}}{{/each}}.`,
    facts: [
      { label: "Table", value: "event.table", code: true },
      { label: "Schema", value: "event.schema", code: true },
      { label: "Row ID", value: "event.record.id", code: true },
      { label: "Updated", value: "formatDate event.record.updated_at" },
    ],
    summary: `Row updated in ${TABLE}{{#if event.record.id}} (id {{event.record.id}}){{/if}}`,
  },
  {
    id: "supabase-delete",
    eventType: "delete",
    name: "Row deleted",
    description: "A row was deleted from a table.",
    emoji: "🗑️",
    title: `Row deleted from ${TABLE}`,
    lead: `A row was deleted from ${TABLE}{{#each (keyFields event.old_record 4 "id" "created_at" "updated_at")}}{{#if @first}} — {{else}}, {{/if}}{{label}}: {{value}}{{/each}}.`,
    facts: [
      { label: "Table", value: "event.table", code: true },
      { label: "Schema", value: "event.schema", code: true },
      { label: "Row ID", value: "event.old_record.id", code: true },
      { label: "Created", value: "formatDate event.old_record.created_at" },
    ],
    summary: `Row deleted from ${TABLE}{{#if event.old_record.id}} (id {{event.old_record.id}}){{/if}}`,
  },
];
