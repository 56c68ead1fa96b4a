import Link from "next/link";
import type { EventListItem } from "@/lib/log/list-events";
import { Badge } from "./badge";
import { DataTable } from "./data-table";
import { AlertsSummary } from "./delivery-status";
import { EnvironmentBadge } from "./environment-badge";
import { Timestamp } from "./time-ago";

const OUTCOME_TONE = { accepted: "green", duplicate: "amber", rejected: "red" } as const;

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const tone = OUTCOME_TONE[outcome as keyof typeof OUTCOME_TONE] ?? "gray";
  return <Badge tone={tone}>{outcome}</Badge>;
}

export function EventsTable({
  events,
  showWebhook = true,
  empty,
}: {
  events: EventListItem[];
  showWebhook?: boolean;
  empty: string;
}) {
  if (events.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-surface p-8 text-center text-sm text-slate-600">
        {empty}
      </p>
    );
  }
  return (
    <DataTable
      columns={[
        { label: "Time" },
        ...(showWebhook ? [{ label: "Webhook" }] : []),
        { label: "Event type" },
        { label: "Delivery id" },
        { label: "Outcome" },
        { label: "Alerts" },
      ]}
    >
      {events.map((event) => (
        <tr key={event.id} className="hover:bg-slate-50" data-testid="event-row">
          <td className="whitespace-nowrap px-4 py-3">
            <Link href={`/logs/${event.id}`} className="text-brand-700 hover:underline">
              <Timestamp value={event.receivedAt} />
            </Link>
          </td>
          {showWebhook ? (
            <td className="px-4 py-3">
              <div className="flex flex-wrap items-center gap-1.5">
                <span>{event.webhook.name}</span>
                <EnvironmentBadge environment={event.webhook.environment} />
              </div>
            </td>
          ) : null}
          <td className="px-4 py-3 font-mono text-xs">
            {event.eventType ?? <span className="text-slate-500">—</span>}
          </td>
          <td className="max-w-[14rem] truncate px-4 py-3 font-mono text-xs" title={event.svixId ?? undefined}>
            {event.svixId ?? <span className="text-slate-500">—</span>}
          </td>
          <td className="px-4 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <OutcomeBadge outcome={event.outcome} />
              {event.reasonCode ? <span className="font-mono text-xs text-slate-600">{event.reasonCode}</span> : null}
              {event.duplicateCount > 0 ? (
                <span className="text-xs text-slate-500">
                  +{event.duplicateCount} duplicate{event.duplicateCount > 1 ? "s" : ""}
                </span>
              ) : null}
            </div>
          </td>
          <td className="px-4 py-3">
            {event.outcome === "accepted" ? <AlertsSummary deliveries={event.deliveries} /> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
