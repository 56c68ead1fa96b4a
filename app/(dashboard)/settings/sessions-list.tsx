"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { FormMessage, type FormState } from "@/components/form-message";
import { endOtherSessionsAction, signOutDeviceAction } from "./account-actions";

export type SessionRow = { id: string; device: string; address: string | null; lastSeenAt: string; isCurrent: boolean };

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const [result, setResult] = useState<FormState>(undefined);
  const [pending, startTransition] = useTransition();
  const others = sessions.filter((session) => !session.isCurrent).length;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {sessions.map((session) => (
          <SessionItem key={session.id} session={session} />
        ))}
      </ul>
      <FormMessage state={result} />
      <Button
        variant="secondary"
        disabled={pending || others === 0}
        onClick={() => startTransition(async () => setResult(await endOtherSessionsAction()))}
      >
        {pending ? "Signing out…" : "Sign out other sessions"}
      </Button>
    </div>
  );
}

function SessionItem({ session }: { session: SessionRow }) {
  const [result, setResult] = useState<FormState>(undefined);
  const [pending, startTransition] = useTransition();
  return (
    <li data-testid="session-row" className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-medium">
          {session.device} {session.isCurrent ? <Badge tone="green">This device</Badge> : null}
        </p>
        <p className="text-xs text-slate-600">
          {session.address ?? "Unknown address"} · Last seen {utc(session.lastSeenAt)}
        </p>
      </div>
      {session.isCurrent ? null : (
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={`Sign out ${session.device}, last seen ${utc(session.lastSeenAt)}`}
          onClick={() => startTransition(async () => setResult(await signOutDeviceAction(session.id)))}
        >
          Sign out
        </Button>
      )}
      <div className="w-full empty:hidden">
        <FormMessage state={result} />
      </div>
    </li>
  );
}
