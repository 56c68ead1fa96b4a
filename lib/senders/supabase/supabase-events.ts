import type { EventGroup } from "../sender";

// A Supabase database webhook fires on a table's INSERT, UPDATE or DELETE (Database → Webhooks → Create →
// Events); Hookbell names the event by the payload's `type`, lower-cased.

export const SUPABASE_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "rows",
    name: "Rows",
    types: [
      { type: "insert", description: "A row was inserted" },
      { type: "update", description: "A row was updated" },
      { type: "delete", description: "A row was deleted" },
    ],
  },
];
