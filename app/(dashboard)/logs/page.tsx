import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/button";
import { EventsTable } from "@/components/events-table";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { EventFilterSchema, listEvents, listEventTypes, OUTCOMES } from "@/lib/log/list-events";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { FilterSelect } from "./filter-select";

export const metadata: Metadata = { title: "Notification Log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LogsPage({ searchParams }: Props) {
  const tenant = await requireTenant();
  const db = getDb();
  const raw = await searchParams;
  const filter = EventFilterSchema.parse(
    Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value || undefined]),
    ),
  );
  const [{ events, nextBefore }, webhooks, types] = await Promise.all([
    listEvents(db, tenant, filter),
    listWebhooks(db, tenant),
    listEventTypes(db, tenant),
  ]);
  const withFilter = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const key of ["webhookId", "type", "outcome"] as const) if (filter[key]) params.set(key, filter[key]);
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return `/logs?${params}`;
  };

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Notification Log</h1>
        <p className="text-sm text-slate-600">
          Every request to your webhooks, newest first: accepted, duplicate or rejected with the reason.
        </p>
      </div>
      <form
        method="get"
        className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-end"
      >
        <FilterSelect
          id="filter-webhook"
          name="webhookId"
          label="Webhook"
          allLabel="All webhooks"
          value={filter.webhookId}
          options={webhooks.map((webhook) => ({ value: webhook.id, label: webhook.name }))}
        />
        <FilterSelect
          id="filter-type"
          name="type"
          label="Event type"
          allLabel="All types"
          value={filter.type}
          options={types.map((type) => ({ value: type, label: type }))}
        />
        <FilterSelect
          id="filter-outcome"
          name="outcome"
          label="Outcome"
          allLabel="All outcomes"
          value={filter.outcome}
          options={OUTCOMES.map((outcome) => ({ value: outcome, label: outcome }))}
        />
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          <Link href="/logs" className={buttonClass("secondary")}>
            Reset
          </Link>
        </div>
      </form>
      <EventsTable events={events} empty="No requests match. Send a test event from Clerk, or change the filters." />
      <nav aria-label="Pagination" className="flex justify-between text-sm">
        {filter.before ? (
          <Link href={withFilter({})} className="font-medium text-brand-600 hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={withFilter({ before: nextBefore })} className="font-medium text-brand-600 hover:underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
