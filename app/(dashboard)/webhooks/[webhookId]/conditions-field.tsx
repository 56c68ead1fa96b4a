"use client";

import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/button";
import { inputClass } from "@/components/field";
import type { WouldAlert } from "@/lib/channels/would-alert";
import type { ConditionDocument } from "@/lib/conditions/condition";
import type { PayloadField } from "@/lib/conditions/list-payload-fields";
import { conditionFieldsAction, wouldAlertAction } from "./channel-actions";
import { type EventGroupOption, firstEventType } from "./channel-types";
import { type ConditionsDraft, draftFromDocument, parseConditionsText } from "./condition-draft";
import { ConditionRows } from "./condition-rows";
import { EventTypeSelect } from "./event-type-select";

type Props = {
  webhookId: string;
  draft: ConditionsDraft;
  onChange: (draft: ConditionsDraft) => void;
  problem: string | null;
  eventTypes: string[] | null;
  document: ConditionDocument | null;
  eventGroups: EventGroupOption[];
};

/**
 * Conditions on the payload: a builder of rows over the fields of a sample or real event, or the document
 * as JSON (Hookdeck's filter syntax); and "Would this have alerted?" on the webhook's last 20 events.
 */
export function ConditionsField({ webhookId, draft, onChange, problem, eventTypes, document, eventGroups }: Props) {
  const [fieldsType, setFieldsType] = useState(eventTypes?.[0] ?? firstEventType(eventGroups));
  const [fieldsSource, setFieldsSource] = useState<"sample" | "latest">("sample");
  const [fields, setFields] = useState<{ fields: PayloadField[]; source: string }>({ fields: [], source: "" });
  const [modeProblem, setModeProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void conditionFieldsAction(webhookId, { eventType: fieldsType, source: fieldsSource }).then((result) => {
      if (current) setFields(result.ok ? result : { fields: [], source: result.error });
    });
    return () => {
      current = false;
    };
  }, [webhookId, fieldsType, fieldsSource]);

  const showJson = () => {
    // Rows that do not make a document yet (a row without a field) would be lost on the way.
    if (problem) return setModeProblem(`${problem} Then the conditions can be shown as JSON.`);
    setModeProblem(null);
    onChange({ ...draft, mode: "json", text: document ? JSON.stringify(document, null, 2) : "" });
  };
  const showRows = () => {
    const parsed = parseConditionsText(draft.text);
    if (parsed.problem) return setModeProblem("Fix the JSON first; then it can be shown as rows.");
    const next = draftFromDocument(parsed.document);
    if (next.mode === "json") return setModeProblem(next.jsonOnly);
    setModeProblem(null);
    onChange({ ...next, text: draft.text });
  };
  const invalidRow = draft.mode === "rows" ? draft.rows.findIndex((row) => row.path.trim() === "") : -1;

  return (
    <section
      className="space-y-3"
      aria-labelledby="channel-conditions-heading"
      aria-describedby="channel-conditions-help"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="channel-conditions-heading" className="text-sm font-medium">
          Conditions (optional)
        </h3>
        <fieldset
          className="inline-flex rounded-md border border-slate-300 p-0.5 text-sm"
          aria-label="Show conditions as"
        >
          <ModeButton pressed={draft.mode === "rows"} onClick={showRows}>
            Builder
          </ModeButton>
          <ModeButton pressed={draft.mode === "json"} onClick={showJson}>
            JSON
          </ModeButton>
        </fieldset>
      </div>
      <p id="channel-conditions-help" className="text-xs text-slate-500">
        Alert only on events whose payload matches. None: every event of the chosen types alerts.
      </p>
      {draft.jsonOnly && draft.mode === "json" ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="conditions-json-only">
          {draft.jsonOnly}
        </p>
      ) : null}
      {modeProblem ? (
        <p role="alert" className="text-sm text-red-700">
          {modeProblem}
        </p>
      ) : null}

      {draft.mode === "rows" ? (
        <>
          <ConditionRows
            draft={draft}
            onChange={onChange}
            fields={fields.fields}
            invalidRow={invalidRow >= 0 ? invalidRow : null}
          />
          <div className="flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-2">
            <EventTypeSelect
              id="condition-fields-type"
              label="Fields from event"
              groups={eventGroups}
              value={fieldsType}
              onChange={setFieldsType}
            />
            <div className="space-y-1.5">
              <label htmlFor="condition-fields-source" className="block text-sm font-medium">
                Payload
              </label>
              <select
                id="condition-fields-source"
                className={inputClass}
                value={fieldsSource}
                onChange={(event) => setFieldsSource(event.target.value as "sample" | "latest")}
              >
                <option value="sample">Sample payload</option>
                <option value="latest">Latest real event</option>
              </select>
            </div>
            <p className="min-w-0 basis-full text-xs text-slate-500" data-testid="condition-fields-source">
              {fields.source ? `${fields.source} · ${fields.fields.length} fields` : "Loading fields…"}
            </p>
          </div>
        </>
      ) : (
        <div className="space-y-1.5">
          <label htmlFor="channel-conditions" className="block text-sm font-medium">
            Condition document (JSON)
          </label>
          <textarea
            id="channel-conditions"
            rows={6}
            value={draft.text}
            onChange={(event) => onChange({ ...draft, text: event.target.value })}
            spellCheck={false}
            placeholder='{"data": {"members_count": {"$gt": 10}}}'
            aria-invalid={problem ? true : undefined}
            aria-describedby="channel-conditions-json-help"
            className={`${inputClass} font-mono text-xs`}
          />
          <p id="channel-conditions-json-help" className="text-xs text-slate-500">
            Mirrors the payload: <code>$eq $neq $gt $gte $lt $lte $in $nin $startsWith $endsWith $exist</code>, combined
            with <code>$and</code> / <code>$or</code> / <code>$not</code>. Blank: no conditions.
          </p>
        </div>
      )}
      {problem ? (
        <p role="alert" className="text-sm text-red-700" data-testid="conditions-problem">
          {problem}
        </p>
      ) : null}
      <WouldHaveAlerted webhookId={webhookId} eventTypes={eventTypes} document={document} disabled={Boolean(problem)} />
    </section>
  );
}

function ModeButton(props: { pressed: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-pressed={props.pressed}
      onClick={props.onClick}
      className={`rounded px-2.5 py-1 font-medium ${props.pressed ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {props.children}
    </button>
  );
}

function WouldHaveAlerted(props: {
  webhookId: string;
  eventTypes: string[] | null;
  document: ConditionDocument | null;
  disabled: boolean;
}) {
  const { webhookId, eventTypes, document } = props;
  const [answer, setAnswer] = useState<{ events?: WouldAlert[]; error?: string; key: string }>();
  const [pending, startTransition] = useTransition();
  const key = JSON.stringify({ eventTypes, document });
  const shown = answer?.key === key ? answer : undefined;
  const check = () =>
    startTransition(async () => {
      const result = await wouldAlertAction(webhookId, { eventTypes, conditions: document });
      setAnswer(result.ok ? { events: result.events, key } : { error: result.error, key });
    });
  const alerted = shown?.events?.filter((event) => event.alerted).length ?? 0;

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={check} disabled={pending || props.disabled}>
        {pending ? "Checking…" : "Would this have alerted?"}
      </Button>
      {shown?.error ? <p className="text-sm text-red-700">{shown.error}</p> : null}
      {shown?.events ? (
        shown.events.length === 0 ? (
          <p className="text-sm text-slate-600">No events received yet.</p>
        ) : (
          <div className="space-y-1" data-testid="would-alert">
            <p className="text-sm font-medium" data-testid="would-alert-summary">
              {alerted} of the last {shown.events.length} event{shown.events.length === 1 ? "" : "s"} would have
              alerted.
            </p>
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
              {shown.events.map((event) => (
                <li key={event.eventId} className="flex flex-wrap items-baseline gap-x-2 px-2.5 py-1.5">
                  <span className={event.alerted ? "font-medium text-green-700" : "font-medium text-slate-600"}>
                    {event.alerted ? "Alerted" : "Not alerted"}
                  </span>
                  <code className="text-xs">{event.eventType ?? "untyped"}</code>
                  <span className="text-xs text-slate-500">{new Date(event.receivedAt).toLocaleString()}</span>
                  {event.reason ? (
                    <span className="basis-full text-slate-600">{event.reason.replace(/^Not alerted: /, "")}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
    </div>
  );
}
