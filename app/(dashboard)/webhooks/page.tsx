import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/badge";
import { DataTable } from "@/components/data-table";
import { EnvironmentBadge } from "@/components/environment-badge";
import { SenderLogo } from "@/components/sender-logo";
import { SubmitButton } from "@/components/submit-button";
import { Timestamp } from "@/components/time-ago";
import { UsageMeter } from "@/components/usage-meter";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { getUsage } from "@/lib/delivery/usage-quota";
import { findSender, SENDERS } from "@/lib/senders/senders";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Manage Webhooks" };

/** A few senders by name for the empty state, from the registry. */
const examples = SENDERS.filter((sender) => sender.category !== "generic")
  .slice(0, 3)
  .map((sender) => sender.name)
  .join(", ");

export default async function WebhooksPage() {
  const tenant = await requireTenant();
  const [webhooks, usage] = await Promise.all([listWebhooks(getDb(), tenant), getUsage(getDb(), tenant.projectId)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Manage Webhooks</h1>
          <p className="text-sm text-slate-600">Each webhook is one URL an application sends its events to.</p>
        </div>
        <div className="flex flex-wrap items-end gap-6">
          <UsageMeter usage={usage} />
          <form action={createWebhookAction}>
            <SubmitButton pendingLabel="Creating…">+ Create Webhook</SubmitButton>
          </form>
        </div>
      </div>
      {webhooks.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-surface p-10 text-center">
          <h2 className="font-medium">No webhooks yet</h2>
          <p className="mt-1 text-sm text-slate-600">
            Create one, connect it to the application that sends the events ({examples}…), and every event shows up in
            the notification log.
          </p>
        </div>
      ) : (
        <DataTable
          columns={[
            { label: "Name" },
            { label: "Application" },
            { label: "Environment" },
            { label: "Status" },
            { label: "Events received", isNumeric: true },
            { label: "Last event" },
            { label: "Created" },
          ]}
        >
          {webhooks.map((webhook) => (
            <tr key={webhook.id} className="hover:bg-slate-50">
              <td className="px-4 py-3 font-medium">
                {/* A long name is cut with an ellipsis (full name on hover) so every column fits at laptop width. */}
                <Link
                  href={`/webhooks/${webhook.id}`}
                  title={webhook.name}
                  className="block max-w-[16rem] truncate text-brand-700 hover:underline"
                >
                  {webhook.name}
                </Link>
              </td>
              <td className="px-4 py-3">
                <SenderCell provider={webhook.provider} />
              </td>
              <td className="px-4 py-3">
                <EnvironmentBadge environment={webhook.environment} />
              </td>
              <td className="px-4 py-3">
                <Badge tone={webhook.isActive ? "green" : "gray"}>{webhook.isActive ? "Active" : "Inactive"}</Badge>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{webhook.eventCount}</td>
              <td className="px-4 py-3 text-slate-600">
                <Timestamp value={webhook.lastEventAt} />
              </td>
              <td className="px-4 py-3 text-slate-600">
                <Timestamp value={webhook.createdAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

function SenderCell({ provider }: { provider: string | null }) {
  const sender = findSender(provider);
  if (!sender) return <span className="text-slate-500">Not connected</span>;
  return (
    <span className="inline-flex items-center gap-2">
      <SenderLogo id={sender.id} name={sender.name} generic={sender.category === "generic"} size="sm" />
      {sender.name}
    </span>
  );
}
