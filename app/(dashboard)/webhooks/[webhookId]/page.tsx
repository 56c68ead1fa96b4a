import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { EventsTable } from "@/components/events-table";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { listEvents } from "@/lib/log/list-events";
import { PROVIDERS } from "@/lib/providers/catalog";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { orNotFound } from "../../or-not-found";
import { ConnectPanel } from "./connect-panel";
import { DeleteWebhook } from "./delete-webhook";
import { RenameForm } from "./rename-form";
import { StatusToggle } from "./status-toggle";

export const metadata: Metadata = { title: "Webhook" };

type Props = { params: Promise<{ webhookId: string }> };

export default async function WebhookPage({ params }: Props) {
  const { webhookId } = await params;
  const tenant = await requireTenant();
  const db = getDb();
  const webhook = await orNotFound(getWebhook(db, tenant, webhookId));
  const recent = await listEvents(db, tenant, { webhookId }, 10);

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <Link href="/webhooks" className="text-sm text-slate-600 hover:underline">
          ← Manage Webhooks
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{webhook.name}</h1>
          <Badge tone={webhook.isActive ? "green" : "gray"}>{webhook.isActive ? "Active" : "Inactive"}</Badge>
          {webhook.providerName ? <Badge tone="blue">{webhook.providerName}</Badge> : null}
          <div className="ml-auto">
            <StatusToggle
              webhookId={webhook.id}
              isActive={webhook.isActive}
              canActivate={webhook.secretHint !== null}
            />
          </div>
        </div>
      </div>

      <section aria-labelledby="connect-heading" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="connect-heading" className="text-lg font-semibold">
          Application
        </h2>
        <ConnectPanel
          webhookId={webhook.id}
          url={webhook.url}
          provider={webhook.provider}
          secretHint={webhook.secretHint}
          previousSecretHint={webhook.previousSecretHint}
          previousSecretExpiresAt={webhook.previousSecretExpiresAt?.toISOString() ?? null}
          providers={PROVIDERS.map(({ id, name, secretHelp, urlHelp }) => ({ id, name, secretHelp, urlHelp }))}
        />
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <div className="flex items-end justify-between">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent requests
          </h2>
          <Link href={`/logs?webhookId=${webhook.id}`} className="text-sm font-medium text-brand-600 hover:underline">
            Open in the notification log →
          </Link>
        </div>
        <EventsTable
          events={recent.events}
          showWebhook={false}
          empty="Nothing received yet. Paste the Webhook URL into Clerk and press “Send test event” there; it will show up here."
        />
      </section>

      <section aria-labelledby="settings-heading" className="grid gap-6 md:grid-cols-2">
        <h2 id="settings-heading" className="sr-only">
          Settings
        </h2>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h3 className="mb-3 font-semibold">Name</h3>
          <RenameForm webhookId={webhook.id} name={webhook.name} />
        </div>
        <div className="rounded-xl border border-red-200 bg-white p-6 shadow-sm">
          <h3 className="mb-1 font-semibold text-red-700">Delete webhook</h3>
          <p className="mb-3 text-sm text-slate-600">
            The URL stops working at once, and every request logged for it is deleted too.
          </p>
          <DeleteWebhook webhookId={webhook.id} name={webhook.name} />
        </div>
      </section>
    </div>
  );
}
