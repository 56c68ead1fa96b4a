"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/button";
import { inputClass } from "@/components/field";
import type { WouldAlert } from "@/lib/channels/would-alert";
import { conditionDocumentSchema } from "@/lib/conditions/condition";
import { wouldAlertAction } from "./channel-actions";

type Parsed = { document: Record<string, unknown> | null; problem: string | null };

/** The textarea's JSON as a condition document: blank is "no conditions"; a problem is shown beside it. */
export function parseConditions(text: string): Parsed {
  if (!text.trim()) return { document: null, problem: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { document: null, problem: "Not valid JSON: check quotes, commas and brackets." };
  }
  // The same schema the server applies, so what passes here is what gets saved.
  const parsed = conditionDocumentSchema.safeParse(value);
  if (!parsed.success) return { document: null, problem: parsed.error.issues[0]?.message ?? "Not a valid condition." };
  return { document: parsed.data, problem: null };
}

type Props = {
  webhookId: string;
  value: string;
  onChange: (value: string) => void;
  problem: string | null;
  eventTypes: string[] | null;
  document: Record<string, unknown> | null;
};

/** Conditions as JSON (Hookdeck's filter syntax), and "Would this have alerted?" on the last 20 events. */
export function ConditionsField({ webhookId, value, onChange, problem, eventTypes, document }: Props) {
  const [answer, setAnswer] = useState<{ events?: WouldAlert[]; error?: string; key: string }>();
  const [pending, startTransition] = useTransition();
  const key = JSON.stringify({ eventTypes, document });
  const shown = answer?.key === key ? answer : undefined;
  const check = () =>
    startTransition(async () => {
      const result = await wouldAlertAction(webhookId, { eventTypes, conditions: document });
      setAnswer(result.ok ? { events: result.events, key } : { error: result.error, key });
    });

  return (
    <div className="space-y-1.5">
      <label htmlFor="channel-conditions" className="block text-sm font-medium">
        Conditions (optional)
      </label>
      <textarea
        id="channel-conditions"
        rows={4}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        placeholder='{"data": {"public_metadata": {"members": {"$gt": 10}}}}'
        aria-invalid={problem ? true : undefined}
        aria-describedby="channel-conditions-help"
        className={`${inputClass} font-mono text-xs`}
      />
      {problem ? (
        <p role="alert" className="text-sm text-red-700" data-testid="conditions-problem">
          {problem}
        </p>
      ) : null}
      <p id="channel-conditions-help" className="text-xs text-slate-500">
        JSON that mirrors the payload: <code>$eq $neq $gt $gte $lt $lte $in $nin $startsWith $endsWith $exist</code>,
        combined with <code>$and</code> / <code>$or</code>. Blank: every event of the chosen types alerts.
      </p>
      <Button variant="secondary" onClick={check} disabled={pending || Boolean(problem)}>
        {pending ? "Checking…" : "Would this have alerted?"}
      </Button>
      {shown?.error ? <p className="text-sm text-red-700">{shown.error}</p> : null}
      {shown?.events ? (
        shown.events.length === 0 ? (
          <p className="text-sm text-slate-600">No events received yet.</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="would-alert">
            {shown.events.map((event) => (
              <li key={event.eventId} className="flex flex-wrap gap-x-2">
                <span className={event.alerted ? "font-medium text-green-700" : "font-medium text-slate-500"}>
                  {event.alerted ? "Alerted" : "Not alerted"}
                </span>
                <code>{event.eventType ?? "untyped"}</code>
                <span className="text-slate-500">{new Date(event.receivedAt).toLocaleString()}</span>
                {event.reason ? (
                  <span className="text-slate-600">{event.reason.replace(/^Not alerted: /, "")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
