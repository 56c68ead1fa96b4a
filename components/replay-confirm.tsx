"use client";

import type { ReplayPreview } from "@/lib/channels/preview-replay";
import { Button } from "./button";
import { Dialog } from "./dialog";

type Props = {
  preview: ReplayPreview;
  /** "this event", or the window's events: shown in the question. */
  what: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? "" : "s"}`;
}

/**
 * Asked before a replay re-alerts anyone: which channels would be alerted (judged as the replay will judge
 * them) and which would not, and why. Nothing is sent until "Replay to N channels".
 */
export function ReplayConfirm({ preview, what, pending, onConfirm, onCancel }: Props) {
  const count = preview.alerted.length;
  const several = preview.events > 1;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onCancel()}
      title={`Replay ${what}?`}
      description={
        count === 0
          ? "No channel would be alerted, so there is nothing to send."
          : `${plural(count, "channel")} will be alerted again, with ${count === 1 ? "its" : "their"} settings as they are now.`
      }
    >
      <div className="space-y-4" data-testid="replay-confirm">
        {count > 0 ? (
          <section aria-labelledby="replay-alerted" className="space-y-1.5">
            <h3 id="replay-alerted" className="text-sm font-medium">
              Will be alerted
            </h3>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
              {preview.alerted.map((channel) => (
                <li
                  key={channel.id}
                  className="flex items-baseline justify-between gap-3 px-3 py-2"
                  data-testid="replay-alerted"
                >
                  <span className="min-w-0 break-words font-medium">{channel.name}</span>
                  <span className="shrink-0 text-xs text-slate-500">
                    {channel.kindLabel}
                    {several ? ` · ${plural(channel.alerts, "event")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {preview.notAlerted.length > 0 ? (
          <section aria-labelledby="replay-not-alerted" className="space-y-1.5">
            <h3 id="replay-not-alerted" className="text-sm font-medium">
              Will not be alerted
            </h3>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
              {preview.notAlerted.map((channel) => (
                <li key={channel.id} className="space-y-0.5 px-3 py-2" data-testid="replay-not-alerted">
                  <div className="flex items-baseline justify-between gap-3">
                    <span className="min-w-0 break-words font-medium text-slate-700">{channel.name}</span>
                    <span className="shrink-0 text-xs text-slate-500">{channel.kindLabel}</span>
                  </div>
                  {channel.reason ? <p className="text-slate-600">{channel.reason}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-4">
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={onConfirm} disabled={pending || count === 0}>
            {pending ? "Replaying…" : `Replay to ${plural(count, "channel")}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
