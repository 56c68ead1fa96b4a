"use client";

import Link from "next/link";
import { useActionState, useEffect, useState, useTransition } from "react";
import { Badge } from "@/components/badge";
import { Button } from "@/components/button";
import { CopyButton } from "@/components/copy-button";
import { inputClass } from "@/components/field";
import { FormMessage, type FormState } from "@/components/form-message";
import { LengthHint } from "@/components/length-hint";
import { SubmitButton } from "@/components/submit-button";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export type ApiKeyRow = {
  id: string;
  name: string;
  displayPrefix: string;
  status: "active" | "revoked" | "expired";
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
};

/** As lib/api-keys/create-api-key.ts checks it. */
const API_KEY_NAME_MAX_LENGTH = 80;

const EXPIRY_OPTIONS = [
  { value: "", label: "Never" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

const TONE = { active: "green", revoked: "gray", expired: "amber" } as const;

function utc(value: string | null): string {
  return value ? `${value.slice(0, 16).replace("T", " ")} UTC` : "—";
}

export function ApiKeys({ keys }: { keys: ApiKeyRow[] }) {
  const [state, action, pending] = useActionState(createApiKeyAction, undefined);
  const [name, setName] = useState("");
  // A key created: the field is empty for the next one (a refused name stays to be corrected).
  useEffect(() => {
    if (state?.key) setName("");
  }, [state]);
  return (
    <div className="space-y-5">
      <form action={action} className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end">
        <div className="space-y-1.5">
          <label htmlFor="api-key-name" className="block text-sm font-medium">
            Key name
          </label>
          <input
            id="api-key-name"
            name="name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            aria-describedby="api-key-name-length"
            placeholder="CI deploy"
            className={inputClass}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="api-key-expiry" className="block text-sm font-medium">
            Expires
          </label>
          <select id="api-key-expiry" name="expiresInDays" defaultValue="90" className={inputClass}>
            {EXPIRY_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create key
        </SubmitButton>
        <div className="sm:col-span-3">
          <LengthHint id="api-key-name-length" length={name.length} max={API_KEY_NAME_MAX_LENGTH} what="name" />
        </div>
      </form>
      <FormMessage state={state} />
      {state?.key ? (
        <div
          data-testid="new-api-key"
          className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
        >
          <p className="font-medium">Copy “{state.name}” now: it is shown only this once.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-slate-900">{state.key}</code>
            <CopyButton value={state.key} label="Copy key" />
          </div>
          <p>Hookbell stores only a hash of it. Lost it? Revoke it and create another.</p>
        </div>
      ) : null}
      {keys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">
          No API keys yet.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {keys.map((key) => (
            <KeyItem key={key.id} apiKey={key} />
          ))}
        </ul>
      )}
      <p className="text-sm text-slate-600">
        Send a key as <code className="font-mono text-xs">Authorization: Bearer hb_live_…</code> to{" "}
        <code className="font-mono text-xs">/api/v1</code>. See the{" "}
        <Link href="/settings/api" className="font-medium text-brand-700 underline">
          API reference
        </Link>
        .
      </p>
    </div>
  );
}

function KeyItem({ apiKey }: { apiKey: ApiKeyRow }) {
  const [result, setResult] = useState<FormState>(undefined);
  const [pending, startTransition] = useTransition();
  return (
    <li data-testid="api-key-row" className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm">
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-medium">
          {apiKey.name} <Badge tone={TONE[apiKey.status]}>{apiKey.status}</Badge>
        </p>
        <p className="font-mono text-xs text-slate-600">{apiKey.displayPrefix}…</p>
        <p className="text-xs text-slate-600">
          Created {utc(apiKey.createdAt)} · Expires {apiKey.expiresAt ? utc(apiKey.expiresAt) : "never"} · Last used{" "}
          {apiKey.lastUsedAt ? utc(apiKey.lastUsedAt) : "never"}
        </p>
      </div>
      {apiKey.status === "active" ? (
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={`Revoke API key ${apiKey.name}`}
          onClick={() => {
            if (!window.confirm(`Revoke “${apiKey.name}”? Requests with it will be refused at once.`)) return;
            startTransition(async () => setResult(await revokeApiKeyAction(apiKey.id)));
          }}
        >
          Revoke
        </Button>
      ) : null}
      <div className="w-full empty:hidden">
        <FormMessage state={result} />
      </div>
    </li>
  );
}
