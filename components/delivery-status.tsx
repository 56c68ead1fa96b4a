import { Badge } from "./badge";

const TONE = {
  pending: "gray",
  sending: "blue",
  sent: "green",
  retrying: "amber",
  failed: "red",
  skipped: "amber",
  filtered: "gray",
} as const;

const LABEL: Record<string, string> = { filtered: "not alerted (filtered)", skipped: "skipped" };

export function DeliveryStatusBadge({ status }: { status: string }) {
  return <Badge tone={TONE[status as keyof typeof TONE] ?? "gray"}>{LABEL[status] ?? status}</Badge>;
}

/** One line per event in the log: what happened to its alerts, worst news first. */
export function AlertsSummary({ deliveries }: { deliveries: { kind: string; status: string }[] }) {
  if (deliveries.length === 0) return <span className="text-xs text-slate-500">no channel</span>;
  const order = ["failed", "retrying", "skipped", "sending", "pending", "sent", "filtered"];
  const counts = new Map<string, number>();
  for (const delivery of deliveries) counts.set(delivery.status, (counts.get(delivery.status) ?? 0) + 1);
  const statuses = [...counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return (
    <div className="flex flex-wrap gap-1" data-testid="alerts-summary">
      {statuses.map((status) => (
        <span key={status} className="inline-flex items-center gap-1">
          <DeliveryStatusBadge status={status} />
          {(counts.get(status) ?? 0) > 1 ? <span className="text-xs text-slate-500">×{counts.get(status)}</span> : null}
        </span>
      ))}
    </div>
  );
}
