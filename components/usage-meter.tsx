import { channelKindFor } from "@/lib/channels/kinds/channel-kinds";
import type { UsageSummary } from "@/lib/delivery/usage-quota";

/** This month's alerts against the project's quota, per channel kind. */
export function UsageMeter({ usage }: { usage: UsageSummary }) {
  return (
    <dl className="flex flex-wrap gap-4 text-sm" data-testid="usage">
      {usage.map(({ kind, used, limit }) => {
        const share = limit === 0 ? 1 : Math.min(1, used / limit);
        return (
          <div key={kind} className="min-w-36">
            <dt className="text-slate-600">{channelKindFor(kind)?.label ?? kind} alerts this month</dt>
            <dd className="font-medium">
              {used} / {limit}
              <span
                aria-hidden
                className="mt-1 block h-1.5 rounded-full bg-slate-200"
                style={{
                  background: `linear-gradient(to right, ${share >= 1 ? "#dc2626" : "#1f57d1"} ${share * 100}%, #e2e8f0 0)`,
                }}
              />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
