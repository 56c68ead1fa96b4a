import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { Timestamp } from "@/components/time-ago";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { listMessages } from "@/lib/mailbox/list-messages";

export const metadata: Metadata = { title: "Dev mailbox" };

export default async function MailboxPage() {
  const tenant = await requireTenant();
  const messages = await listMessages(getDb(), tenant);
  const hasSmtp = Boolean(getEnv().SMTP_URL);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          {hasSmtp
            ? "An SMTP server is configured, so new email alerts are sent for real. Messages kept here before that remain readable."
            : "No SMTP server is configured, so email alerts are kept here instead of being sent. Set SMTP_URL (see .env.example) to deliver them to inboxes."}
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-surface p-8 text-center text-sm text-slate-600">
          No email yet. Turn on email notifications on a webhook and send a test event.
        </p>
      ) : (
        <DataTable columns={[{ label: "Time" }, { label: "To" }, { label: "Subject" }]}>
          {messages.map((message) => (
            <tr key={message.id} className="hover:bg-slate-50" data-testid="mailbox-row">
              <td className="whitespace-nowrap px-4 py-3">
                <Link href={`/mailbox/${message.id}`} className="text-brand-700 hover:underline">
                  <Timestamp value={message.createdAt} />
                </Link>
              </td>
              <td className="px-4 py-3">{message.recipients.join(", ")}</td>
              <td className="px-4 py-3">{message.subject}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
