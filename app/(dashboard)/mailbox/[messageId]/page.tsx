import type { Metadata } from "next";
import Link from "next/link";
import { Timestamp } from "@/components/time-ago";
import { requireTenant } from "@/lib/auth/get-tenant";
import { getDb } from "@/lib/db/client";
import { getMessage } from "@/lib/mailbox/get-message";
import { orNotFound } from "../../or-not-found";

export const metadata: Metadata = { title: "Email" };

type Props = { params: Promise<{ messageId: string }> };

export default async function MessagePage({ params }: Props) {
  const { messageId } = await params;
  const tenant = await requireTenant();
  const message = await orNotFound(getMessage(getDb(), tenant, messageId));
  return (
    <div className="space-y-6">
      <Link href="/mailbox" className="text-sm text-slate-600 hover:underline">
        ← Dev mailbox
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight" data-testid="mail-subject">
          {message.subject}
        </h1>
        <p className="text-sm text-slate-600">
          To {message.recipients.join(", ")} · <Timestamp value={message.createdAt} />
        </p>
      </div>
      {/* Alert HTML comes from user templates: shown sandboxed, with no scripts and no access to this page. */}
      <iframe
        title="Email body"
        sandbox=""
        srcDoc={message.html}
        className="h-[32rem] w-full rounded-xl border border-slate-200 bg-surface"
      />
      <section aria-labelledby="text-heading" className="space-y-2">
        <h2 id="text-heading" className="font-semibold">
          Plain-text version
        </h2>
        <pre
          className="whitespace-pre-wrap rounded-xl border border-slate-200 bg-surface p-4 text-sm"
          data-testid="mail-text"
        >
          {message.text}
        </pre>
      </section>
    </div>
  );
}
