import type { Metadata } from "next";
import Link from "next/link";
import { OnboardingChecklist } from "@/components/onboarding-checklist";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { RANGES, type Range } from "@/lib/log/list-events";
import { getOnboarding } from "@/lib/overview/get-onboarding";
import { getOverview } from "@/lib/overview/get-overview";
import { EventsChart } from "./events-chart";

export const metadata: Metadata = { title: "Overview" };

type Props = { searchParams: Promise<{ range?: string }> };

export default async function OverviewPage({ searchParams }: Props) {
  const tenant = await requireTenant();
  const db = getDb();
  const requested = (await searchParams).range;
  const range: Range = requested === "today" || requested === "30d" ? requested : "7d";
  const [overview, onboarding] = await Promise.all([getOverview(db, tenant, range), getOnboarding(db, tenant)]);
  const log = (extra: string) => `/logs?range=${range}&${extra}`;
  const cards = [
    { label: "Events received", value: overview.totals.events, href: log("outcome=accepted"), testId: "stat-events" },
    { label: "Alerts sent", value: overview.totals.sent, href: log("alerts=sent"), testId: "stat-sent" },
    { label: "Failed alerts", value: overview.totals.failed, href: log("alerts=failed"), testId: "stat-failed" },
    { label: "Retrying", value: overview.totals.retrying, href: log("alerts=retrying"), testId: "stat-retrying" },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
          <p className="text-sm text-slate-600">What your webhooks received and whom Hookbell alerted.</p>
        </div>
        <nav aria-label="Time range" className="flex rounded-lg border border-slate-200 bg-surface p-1 text-sm">
          {(Object.keys(RANGES) as Range[]).map((key) => (
            <Link
              key={key}
              href={`/overview?range=${key}`}
              aria-current={key === range ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 ${key === range ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {RANGES[key]}
            </Link>
          ))}
        </nav>
      </div>

      {onboarding.every((step) => step.done) ? null : <OnboardingChecklist steps={onboarding} />}

      <ul className="grid grid-cols-2 gap-4 lg:grid-cols-5" aria-label={`Totals, ${RANGES[range].toLowerCase()}`}>
        {cards.map((card) => (
          <li key={card.label}>
            <Link
              href={card.href}
              className="block h-full rounded-xl border border-slate-200 bg-surface p-4 shadow-sm transition hover:border-brand-500"
              data-testid={card.testId}
            >
              <span className="block text-sm text-slate-600">{card.label}</span>
              <span className="mt-1 block text-2xl font-semibold tabular-nums">{card.value.toLocaleString("en")}</span>
            </Link>
          </li>
        ))}
        <li className="col-span-2 lg:col-span-1">
          <Link
            href="/webhooks"
            className="block h-full rounded-xl border border-slate-200 bg-surface p-4 shadow-sm transition hover:border-brand-500"
            data-testid="stat-quota"
          >
            <span className="block text-sm text-slate-600">Quota used this month</span>
            {overview.usage.map((usage) => (
              <span key={usage.kind} className="mt-1 block text-sm">
                <span className="font-semibold tabular-nums">
                  {usage.used} / {usage.limit}
                </span>{" "}
                {usage.kind === "email" ? "email" : "Slack"}
              </span>
            ))}
          </Link>
        </li>
      </ul>

      <section
        aria-labelledby="chart-heading"
        className="rounded-xl border border-slate-200 bg-surface p-4 text-slate-600 shadow-sm sm:p-6"
      >
        <h2 id="chart-heading" className="mb-4 font-semibold text-slate-900">
          Events over time <span className="text-sm font-normal text-slate-600">(UTC, by event type)</span>
        </h2>
        {overview.totals.events === 0 ? (
          <p className="py-16 text-center text-sm">No events in this range yet.</p>
        ) : (
          <EventsChart {...overview.chart} />
        )}
      </section>
    </div>
  );
}
