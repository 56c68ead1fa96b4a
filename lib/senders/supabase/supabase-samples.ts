// A Supabase database webhook's body, as the pg_net trigger posts it: `{ type, table, schema, record,
// old_record }` (supabase.com/docs/guides/database/webhooks, "Payload"). `record` is null on DELETE and
// `old_record` null on INSERT; timestamps are PostgreSQL's timestamptz text. Every call builds new objects.

type Row = Record<string, unknown>;

const HOUR = 60 * 60 * 1000;

/** A row of an `orders` table, as a typical Supabase project has one. */
function order(created: number, updated: number, status: string): Row {
  return {
    id: 1042,
    created_at: timestamptz(created),
    updated_at: timestamptz(updated),
    customer_id: "5f9b2c1e-8d4a-4e7b-9c3f-2a6d1e0b7c48",
    customer_email: "ada@example.com",
    status,
    total_cents: 4200,
    currency: "usd",
    items: [{ sku: "HB-STARTER", quantity: 1 }],
  };
}

/** timestamptz as PostgreSQL's to_json writes it: ISO 8601 with a +00:00 offset. */
function timestamptz(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** A sample body of `eventType` ("insert", "update", "delete"); an unknown type is shaped as an insert. */
export function sampleSupabaseEvent(eventType: string, now: Date = new Date()): Record<string, unknown> {
  const t = Number.isFinite(now.getTime()) ? now.getTime() : Date.now();
  const created = t - 2 * HOUR;
  const type = eventType.toUpperCase();
  const base = { type, table: "orders", schema: "public" };
  if (type === "UPDATE") {
    return { ...base, record: order(created, t, "paid"), old_record: order(created, created, "pending") };
  }
  if (type === "DELETE") return { ...base, record: null, old_record: order(created, t - HOUR, "cancelled") };
  return { ...base, record: order(t, t, "pending"), old_record: null };
}
