import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { EnvironmentBadge } from "@/components/environment-badge";
import { EventsTable } from "@/components/events-table";
import { LiveRefresh } from "@/components/live-refresh";
import { OnboardingChecklist } from "@/components/onboarding-checklist";
import { SenderLogo } from "@/components/sender-logo";
import { UsageMeter } from "@/components/usage-meter";
import { requireTenant } from "@/lib/auth/get-tenant";
import { listChannelKinds } from "@/lib/channels/kinds/channel-kinds";
import { listChannels } from "@/lib/channels/list-channels";
import { getDb } from "@/lib/db/client";
import { getUsage } from "@/lib/delivery/usage-quota";
import { getEnv } from "@/lib/env";
import { listEvents } from "@/lib/log/list-events";
import { getOnboarding } from "@/lib/overview/get-onboarding";
import { describeSender } from "@/lib/senders/describe-sender";
import { findSender, SENDERS } from "@/lib/senders/senders";
import { listPresets } from "@/lib/templates/presets";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { orNotFound } from "../../or-not-found";
import type { KindOption } from "./channel-types";
import { ChannelsPanel } from "./channels-panel";
import { ConnectPanel } from "./connect-panel";
import { DeleteWebhook } from "./delete-webhook";
import { DetailsForm } from "./details-form";
import { ReplayWindow } from "./replay-window";
import { SendTestEvent } from "./send-test-event";
import { StatusToggle } from "./status-toggle";

export const metadata: Metadata = { title: "Webhook" };

type Props = { params: Promise<{ webhookId: string }>; searchParams: Promise<{ connect?: string | string[] }> };

export default async function WebhookPage({ params, searchParams }: Props) {
  const { webhookId } = await params;
  const { connect } = await searchParams;
  const tenant = await requireTenant();
  const db = getDb();
  const webhook = await orNotFound(getWebhook(db, tenant, webhookId));
  const [recent, channels, usage, onboarding] = await Promise.all([
    listEvents(db, tenant, { webhookId }, 10),
    listChannels(db, tenant, webhookId),
    getUsage(db, tenant.projectId),
    getOnboarding(db, tenant, webhookId),
  ]);
  const env = getEnv();
  // Plain data for the client: the kinds people can create here, each from its module in the registry.
  // A kind without a form is not offered, but its channels still list (with the settings every kind has).
  const kinds: KindOption[] = listChannelKinds().map((module) => ({
    kind: module.kind,
    label: module.label,
    noun: module.noun,
    format: module.format,
    form: module.form ?? { title: module.label, blurb: "", fields: [], parts: [] },
    isOffered: Boolean(module.form),
    presets: listPresets(module.format).map(({ id, name, eventType, template }) => ({ id, name, eventType, template })),
    suggestedName: module.defaultName(),
    notice: module.notice?.(env) ?? null,
  }));
  const sender = findSender(webhook.provider);
  // The connected sender's catalog drives the event pickers; before one is connected there is none to offer
  // (the pickers then take a typed event type).
  const eventGroups = sender ? describeSender(sender).events : [];

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href="/webhooks" className="text-sm text-slate-600 hover:underline">
          ← Manage Webhooks
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 break-words text-2xl font-semibold tracking-tight">{webhook.name}</h1>
          <Badge tone={webhook.isActive ? "green" : "gray"}>{webhook.isActive ? "Active" : "Inactive"}</Badge>
          {sender ? (
            <span className="inline-flex items-center gap-1.5 text-sm font-medium" data-testid="webhook-sender">
              <SenderLogo id={sender.id} name={sender.name} generic={sender.category === "generic"} size="sm" />
              {sender.name}
            </span>
          ) : null}
          <EnvironmentBadge environment={webhook.environment} />
          <div className="ml-auto">
            <StatusToggle
              webhookId={webhook.id}
              isActive={webhook.isActive}
              canActivate={webhook.secretHint !== null}
            />
          </div>
        </div>
      </div>

      {onboarding.every((step) => step.done) ? null : (
        <OnboardingChecklist
          steps={onboarding}
          webhookPath={`/webhooks/${webhook.id}`}
          webhookUrl={webhook.url}
          senderName={(sender ?? findSender(typeof connect === "string" ? connect : null))?.name}
        />
      )}

      <section
        aria-labelledby="connect-heading"
        className="rounded-xl border border-slate-200 bg-surface p-6 shadow-sm"
      >
        <h2 id="connect-heading" className="text-lg font-semibold">
          Application
        </h2>
        <ConnectPanel
          webhookId={webhook.id}
          url={webhook.url}
          provider={webhook.provider}
          chosenProvider={typeof connect === "string" ? connect : null}
          secretHint={webhook.secretHint}
          previousSecretHint={webhook.previousSecretHint}
          previousSecretExpiresAt={webhook.previousSecretExpiresAt?.toISOString() ?? null}
          savedSettings={webhook.senderSettings}
          senders={SENDERS.map(describeSender)}
        />
      </section>

      <section
        aria-labelledby="channels-heading"
        className="space-y-4 rounded-xl border border-slate-200 bg-surface p-6 shadow-sm"
      >
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="channels-heading" className="text-lg font-semibold">
            Notification channels
          </h2>
          <UsageMeter usage={usage} />
        </div>
        <ChannelsPanel webhookId={webhook.id} channels={channels} kinds={kinds} eventGroups={eventGroups} />
      </section>

      <section aria-labelledby="test-heading" className="grid gap-6 md:grid-cols-2">
        <div className="rounded-xl border border-slate-200 bg-surface p-6 shadow-sm">
          <h2 id="test-heading" className="mb-3 text-lg font-semibold">
            Send test event
          </h2>
          <SendTestEvent
            webhookId={webhook.id}
            eventGroups={eventGroups}
            canSend={webhook.isActive}
            senderName={sender?.name ?? null}
          />
        </div>
        <div className="rounded-xl border border-slate-200 bg-surface p-6 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">Replay a time window</h2>
          <ReplayWindow webhookId={webhook.id} />
        </div>
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <div className="flex items-end justify-between">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent requests
          </h2>
          <div className="flex flex-wrap items-center gap-3">
            <LiveRefresh />
            <Link href={`/logs?webhookId=${webhook.id}`} className="text-sm font-medium text-brand-700 hover:underline">
              Open in the notification log →
            </Link>
          </div>
        </div>
        <EventsTable
          events={recent.events}
          showWebhook={false}
          empty={
            sender
              ? `Nothing received yet. Paste the Webhook URL into ${sender.name} and send an event from there, or use “Send test event” above; it will show up here.`
              : "Nothing received yet. Connect an application and paste the Webhook URL into it; its requests show up here."
          }
        />
      </section>

      <section aria-labelledby="settings-heading" className="grid gap-6 md:grid-cols-2">
        <h2 id="settings-heading" className="sr-only">
          Settings
        </h2>
        <div className="rounded-xl border border-slate-200 bg-surface p-6 shadow-sm">
          <h3 className="mb-3 font-semibold">Name and environment</h3>
          <DetailsForm webhookId={webhook.id} name={webhook.name} environment={webhook.environment} />
        </div>
        <div className="rounded-xl border border-red-200 bg-surface p-6 shadow-sm">
          <h3 className="mb-1 font-semibold text-red-700">Delete webhook</h3>
          <p className="mb-3 text-sm text-slate-600">
            The URL stops working at once, and every request logged for it is deleted too.
          </p>
          <DeleteWebhook webhookId={webhook.id} name={webhook.name} senderName={sender?.name ?? null} />
        </div>
      </section>
    </div>
  );
}
