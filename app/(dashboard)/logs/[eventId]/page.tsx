import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeBadge } from "@/components/events-table";
import { LiveRefresh } from "@/components/live-refresh";
import { SenderLogo } from "@/components/sender-logo";
import { Timestamp } from "@/components/time-ago";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { formatCount } from "@/lib/format/format-count";
import { explainRejection } from "@/lib/log/explain-rejection";
import { getEvent } from "@/lib/log/get-event";
import { listDeliveries } from "@/lib/log/list-deliveries";
import { summarizeLoggedEvent } from "@/lib/log/summarize-logged-event";
import { findMailboxCopies } from "@/lib/mailbox/find-mailbox-copies";
import { findSender } from "@/lib/senders/senders";
import { orNotFound } from "../../or-not-found";
import { Deliveries } from "./deliveries";
import { ReplayEventButton } from "./delivery-actions";

export const metadata: Metadata = { title: "Request detail" };

type Props = { params: Promise<{ eventId: string }> };

export default async function EventPage({ params }: Props) {
  const { eventId } = await params;
  const tenant = await requireTenant();
  const event = await orNotFound(getEvent(getDb(), tenant, eventId));
  const deliveries = await listDeliveries(getDb(), tenant, eventId);
  const emailIds = deliveries.filter((delivery) => delivery.kind === "email").map((delivery) => delivery.id);
  const [mailboxCopies, summary] = await Promise.all([
    findMailboxCopies(getDb(), tenant, emailIds),
    // Rejected requests never alert, so they have no alert to state.
    event.outcome === "accepted" ? summarizeLoggedEvent(tenant.projectId, eventToContext(event)) : null,
  ]);
  const explanation = event.outcome === "rejected" ? explainRejection(event.reasonCode, event.webhook.provider) : null;
  const sender = findSender(event.webhook.provider);
  const facts: [string, React.ReactNode][] = [
    ["Received", <Timestamp key="t" value={event.receivedAt} />],
    [
      "Webhook",
      <Link key="w" href={`/webhooks/${event.webhook.id}`} className="text-brand-700 hover:underline">
        {event.webhook.name}
      </Link>,
    ],
    [
      "Application",
      sender ? (
        <span key="s" className="inline-flex items-center gap-1.5">
          <SenderLogo id={sender.id} name={sender.name} generic={sender.category === "generic"} size="sm" />
          {sender.name}
        </span>
      ) : (
        "—"
      ),
    ],
    ["Event type", event.eventType ?? "—"],
    ["Object", event.eventObject ?? "—"],
    // The sender's own id of the delivery (svix-id, Stripe's event id, X-GitHub-Delivery…); none: body hash.
    [sender?.idempotency === null ? "Delivery id (none sent)" : "Delivery id", event.svixId ?? "—"],
    ["HTTP answer", String(event.httpStatus)],
    ["Verified with", event.secretSlot ? `${event.secretSlot} secret` : "—"],
    ["Body size", `${event.bodySize} bytes${event.bodyTruncated ? " (first 4 KiB kept)" : ""}`],
  ];
  return (
    <div className="space-y-6">
      <Link href="/logs" className="text-sm text-slate-600 hover:underline">
        ← Notification Log
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{event.eventType ?? "Request"}</h1>
        <OutcomeBadge outcome={event.outcome} />
      </div>
      {summary ? (
        <p className="text-base text-slate-800" data-testid="alert-summary">
          <span className="font-medium text-slate-500">The alert:</span> {summary}
        </p>
      ) : null}
      {event.reasonMessage ? (
        <div
          role="note"
          data-testid="explanation"
          className={`rounded-lg border p-4 text-sm ${event.outcome === "rejected" ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}
        >
          {explanation ? <p className="font-semibold">{explanation.title}</p> : null}
          <p className="mt-1">{event.reasonMessage}</p>
          <p className="mt-1 font-mono text-xs">
            {event.reasonCode} · answered HTTP {event.httpStatus}
          </p>
          {explanation ? (
            <>
              <p className="mt-3 font-medium">How to fix it</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {explanation.fixes.map((fix) => (
                  <li key={fix}>{fix}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      {event.duplicateCount > 0 ? (
        <p className="text-sm text-slate-600">
          The sender delivered this event {formatCount(event.duplicateCount, "more time", "more times")}; they were
          recognised as duplicates and stored nothing new.
        </p>
      ) : null}
      <dl className="grid gap-x-6 gap-y-3 rounded-xl border border-slate-200 bg-surface p-6 text-sm shadow-sm sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label} className="flex gap-3">
            <dt className="w-28 shrink-0 text-slate-500">{label}</dt>
            <dd className="min-w-0 break-all font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {event.outcome === "accepted" ? (
        <section aria-labelledby="alerts-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="alerts-heading" className="font-semibold">
              Alerts
            </h2>
            <div className="flex flex-wrap items-center gap-2">
              <LiveRefresh />
              <ReplayEventButton eventId={event.id} />
            </div>
          </div>
          <Deliveries eventId={event.id} deliveries={deliveries} mailboxCopies={mailboxCopies} />
        </section>
      ) : null}
      <section aria-labelledby="payload-heading" className="space-y-2">
        <h2 id="payload-heading" className="font-semibold">
          Payload
        </h2>
        <pre
          className="max-h-[32rem] overflow-auto rounded-xl bg-slate-900 p-4 text-xs text-slate-100"
          data-testid="payload"
        >
          {event.prettyBody || "(empty body)"}
        </pre>
      </section>
      <section aria-labelledby="headers-heading" className="space-y-2">
        <h2 id="headers-heading" className="font-semibold">
          Headers
        </h2>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-surface shadow-sm">
          <table className="w-full text-left font-mono text-xs">
            <tbody className="divide-y divide-slate-100">
              {Object.entries(event.headers).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="w-56 whitespace-nowrap px-4 py-2 font-medium text-slate-600">
                    {name}
                  </th>
                  <td className="break-all px-4 py-2">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function eventToContext(event: Awaited<ReturnType<typeof getEvent>>) {
  const { id, eventType, receivedAt, body, webhook } = event;
  return { eventId: id, eventType, receivedAt, body, webhook };
}
