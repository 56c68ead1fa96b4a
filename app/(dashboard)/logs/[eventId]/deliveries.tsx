import Link from "next/link";
import { DeliveryStatusBadge } from "@/components/delivery-status";
import { Timestamp } from "@/components/time-ago";
import { RETRYABLE_STATUSES } from "@/lib/delivery/retry-delivery";
import { formatCount } from "@/lib/format/format-count";
import { formatSlackChannel } from "@/lib/format/format-slack-channel";
import type { DeliveryListItem } from "@/lib/log/list-deliveries";
import { RetryDeliveryButton } from "./delivery-actions";

/** Every alert of an event: channel, status, and each attempt with its time, duration and answer. */
export function Deliveries({
  eventId,
  deliveries,
  mailboxCopies,
}: {
  eventId: string;
  deliveries: DeliveryListItem[];
  /** Delivery id → its Dev mailbox message, for emails stored there instead of sent over SMTP. */
  mailboxCopies: Map<string, string>;
}) {
  if (deliveries.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-surface p-6 text-center text-sm text-slate-600">
        No alerts: no channel was turned on for this webhook when the event arrived.
      </p>
    );
  }
  return (
    <ul className="space-y-3">
      {deliveries.map((delivery) => (
        <li
          key={delivery.id}
          className="rounded-xl border border-slate-200 bg-surface p-4 shadow-sm"
          data-testid="delivery"
          data-kind={delivery.kind}
          data-status={delivery.status}
        >
          <div className="flex flex-wrap items-center gap-3">
            <span className="font-medium">
              {delivery.kind === "email" ? "Email" : `Slack ${formatSlackChannel(delivery.channel.name)}`}
            </span>
            <DeliveryStatusBadge status={delivery.status} />
            {delivery.trigger !== "event" ? <span className="text-xs text-slate-500">({delivery.trigger})</span> : null}
            <span className="text-xs text-slate-500">{formatCount(delivery.attempts.length, "attempt")}</span>
            {delivery.status === "retrying" && delivery.nextAttemptAt ? (
              <span className="text-xs text-slate-500">
                next <Timestamp value={delivery.nextAttemptAt} />
              </span>
            ) : null}
            {mailboxCopies.has(delivery.id) ? (
              <Link
                href={`/mailbox/${mailboxCopies.get(delivery.id)}`}
                className="text-sm text-brand-700 hover:underline"
                data-testid="mailbox-link"
              >
                Open in Dev mailbox
              </Link>
            ) : null}
            {RETRYABLE_STATUSES.includes(delivery.status) ? (
              <div className="ml-auto">
                <RetryDeliveryButton eventId={eventId} deliveryId={delivery.id} />
              </div>
            ) : null}
          </div>
          {delivery.statusReason ? <p className="mt-2 text-sm text-slate-700">{delivery.statusReason}</p> : null}
          {delivery.attempts.length > 0 ? (
            <ol className="mt-3 space-y-1 border-t border-slate-100 pt-3 text-xs" aria-label="Attempts">
              {delivery.attempts.map((attempt) => (
                <li key={attempt.id} className="flex flex-wrap gap-x-3 gap-y-1" data-testid="attempt">
                  <span className="font-medium">#{attempt.number}</span>
                  <Timestamp value={attempt.startedAt} />
                  <span>{attempt.durationMs} ms</span>
                  <span className={attempt.outcome === "sent" ? "text-emerald-700" : "text-red-700"}>
                    {attempt.outcome === "sent"
                      ? "sent"
                      : attempt.outcome === "retry"
                        ? "failed, will retry"
                        : "failed"}
                  </span>
                  {attempt.statusCode ? (
                    <span>
                      {delivery.kind === "email" ? "SMTP" : "HTTP"} {attempt.statusCode}
                    </span>
                  ) : null}
                  <span className="min-w-0 break-all text-slate-600">{attempt.error ?? attempt.response}</span>
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
