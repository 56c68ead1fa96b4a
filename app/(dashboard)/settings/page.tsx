import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { Timestamp } from "@/components/time-ago";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { listAudit } from "@/lib/audit/list-audit";
import { requireTenant } from "@/lib/auth/get-tenant";
import { listSessions } from "@/lib/auth/list-sessions";
import { getDb } from "@/lib/db/client";
import { getRetention } from "@/lib/retention/set-retention";
import { ApiKeys } from "./api-keys";
import { ChangePasswordForm } from "./change-password-form";
import { RetentionForm } from "./retention-form";
import { SessionsList } from "./sessions-list";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const tenant = await requireTenant();
  const db = getDb();
  const [days, entries, keys, sessions] = await Promise.all([
    getRetention(db, tenant),
    listAudit(db, tenant),
    listApiKeys(db, tenant),
    listSessions(db, tenant.userId),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <section
        aria-labelledby="retention-heading"
        className="max-w-2xl rounded-xl border border-slate-200 bg-surface p-6 shadow-sm"
      >
        <h2 id="retention-heading" className="mb-3 text-lg font-semibold">
          Data retention
        </h2>
        <RetentionForm days={days} />
      </section>
      <section
        aria-labelledby="api-keys-heading"
        className="max-w-3xl rounded-xl border border-slate-200 bg-surface p-6 shadow-sm"
      >
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="api-keys-heading" className="text-lg font-semibold">
            API keys
          </h2>
          <Link href="/settings/api" className="text-sm font-medium text-brand-700 underline">
            API reference
          </Link>
        </div>
        <p className="mb-4 text-sm text-slate-600">
          Keys let scripts and CI manage this project’s webhooks, channels and events through the REST API.
        </p>
        <ApiKeys
          keys={keys.map((key) => ({
            id: key.id,
            name: key.name,
            displayPrefix: key.displayPrefix,
            status: key.status,
            createdAt: key.createdAt.toISOString(),
            expiresAt: key.expiresAt?.toISOString() ?? null,
            lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
          }))}
        />
      </section>
      <section
        aria-labelledby="account-heading"
        className="max-w-3xl space-y-6 rounded-xl border border-slate-200 bg-surface p-6 shadow-sm"
      >
        <div>
          <h2 id="account-heading" className="mb-1 text-lg font-semibold">
            Your account
          </h2>
          <p className="text-sm text-slate-600">
            Signed in as {tenant.email}. Sessions are the browsers signed in to this account; signing one out ends it at
            once.
          </p>
        </div>
        <div className="space-y-3">
          <h3 className="font-medium">Sessions</h3>
          <SessionsList
            sessions={sessions.map((session) => ({
              id: session.id,
              device: session.device,
              address: session.address,
              lastSeenAt: session.lastSeenAt.toISOString(),
              isCurrent: session.id === tenant.sessionId,
            }))}
          />
        </div>
        <div className="max-w-md space-y-3">
          <h3 className="font-medium">Change password</h3>
          <ChangePasswordForm />
        </div>
      </section>
      <section aria-labelledby="audit-heading" className="space-y-3">
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <p className="text-sm text-slate-600">
          Who changed a secret, a channel or its template, activated, deactivated or deleted what, and when.
        </p>
        {entries.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-surface p-8 text-center text-sm text-slate-600">
            No changes yet.
          </p>
        ) : (
          <DataTable columns={[{ label: "Time" }, { label: "Who" }, { label: "What" }, { label: "Details" }]}>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <td className="whitespace-nowrap px-4 py-3">
                  <Timestamp value={entry.createdAt} />
                </td>
                <td className="px-4 py-3">{entry.actorEmail}</td>
                <td className="px-4 py-3 font-mono text-xs">{entry.action}</td>
                <td className="px-4 py-3">{entry.summary}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}
