import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/button";
import { EventsTable } from "@/components/events-table";
import { LiveRefresh } from "@/components/live-refresh";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import {
  ALERT_STATUSES,
  EventFilterSchema,
  listEnvironments,
  listEvents,
  listEventTypes,
  OUTCOMES,
  RANGES,
} from "@/lib/log/list-events";
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
  const [{ events, nextBefore }, webhooks, types, environments] = await Promise.all([
    listEvents(db, tenant, filter),
    listWebhooks(db, tenant),
    listEventTypes(db, tenant),
    listEnvironments(db, tenant),
  ]);
  const withFilter = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    for (const key of ["webhookId", "type", "outcome", "environment", "alerts", "range"] as const) {
      const value = filter[key];
      if (value) params.set(key, value);
    }
    for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return `/logs?${params}`;
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Notification Log</h1>
          <p className="text-sm text-slate-600">
            Every request to your webhooks, newest first: accepted, duplicate or rejected with the reason.
          </p>
        </div>
        {/* Older pages stay still; the newest page follows what arrives. */}
        {filter.before ? null : <LiveRefresh />}
      </div>
      <form
        method="get"
        className="grid grid-cols-2 items-end gap-3 rounded-xl border border-slate-200 bg-surface p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-4"
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
        <FilterSelect
          id="filter-environment"
          name="environment"
          label="Environment"
          allLabel="All environments"
          value={filter.environment}
          options={environments.map((environment) => ({ value: environment, label: environment }))}
        />
        <FilterSelect
          id="filter-alerts"
          name="alerts"
          label="Alerts"
          allLabel="Any alerts"
          value={filter.alerts}
          options={ALERT_STATUSES.map((status) => ({ value: status, label: status }))}
        />
        <FilterSelect
          id="filter-range"
          name="range"
          label="Received"
          allLabel="Any time"
          value={filter.range}
          options={Object.entries(RANGES).map(([value, label]) => ({ value, label }))}
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
      <EventsTable
        events={events}
        empty="No requests match. Send a test event from the application or a webhook’s page, or change the filters."
      />
      <nav aria-label="Pagination" className="flex justify-between text-sm">
        {filter.before ? (
          <Link href={withFilter({})} className="font-medium text-brand-700 hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={withFilter({ before: nextBefore })} className="font-medium text-brand-700 hover:underline">
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
