"use client";

import { Button } from "@/components/button";
import { inputClass } from "@/components/field";
import { COMPARISON_OPERATORS } from "@/lib/conditions/condition";
import { type ConditionOperator, OPERATOR_LABELS } from "@/lib/conditions/condition-rules";
import type { PayloadField } from "@/lib/conditions/list-payload-fields";
import { type ConditionsDraft, type DraftRow, newRow } from "./condition-draft";

type Props = {
  draft: ConditionsDraft;
  onChange: (draft: ConditionsDraft) => void;
  fields: PayloadField[];
  invalidRow: number | null;
};

const LIST_HINT = "Comma-separated";

/** The builder: rows of (field, operator, value) combined with all / any. */
export function ConditionRows({ draft, onChange, fields, invalidRow }: Props) {
  const setRow = (key: number, change: Partial<DraftRow>) =>
    onChange({ ...draft, rows: draft.rows.map((row) => (row.key === key ? { ...row, ...change } : row)) });
  const remove = (key: number) => onChange({ ...draft, rows: draft.rows.filter((row) => row.key !== key) });
  const byPath = new Map(fields.map((field) => [field.path, field]));

  return (
    <div className="space-y-3">
      {draft.rows.length === 0 ? (
        <p className="text-sm text-slate-600">No conditions: every event of the chosen types alerts.</p>
      ) : (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="conditions-combine">Alert when</label>
          <select
            id="conditions-combine"
            className="rounded-md border border-slate-300 bg-surface px-2.5 py-1.5 text-sm font-medium shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
            value={draft.combine}
            onChange={(event) => onChange({ ...draft, combine: event.target.value as "all" | "any" })}
          >
            <option value="all">all</option>
            <option value="any">any</option>
          </select>
          <span>of these match</span>
        </div>
      )}
      {draft.rows.length > 0 ? (
        <datalist id="condition-fields">
          {fields.map((field) => (
            <option key={field.path} value={field.path}>
              {`${field.type}: ${field.sample}`}
            </option>
          ))}
        </datalist>
      ) : null}
      <ol className="space-y-2">
        {draft.rows.map((row, index) => {
          const number = index + 1;
          const id = `condition-${row.key}`;
          const field = byPath.get(row.path.trim());
          return (
            <li
              key={row.key}
              data-testid="condition-row"
              className="grid gap-2 rounded-md border border-slate-200 bg-surface p-2 sm:grid-cols-[minmax(0,1.6fr)_minmax(0,1.2fr)_minmax(0,1.2fr)_auto] sm:items-start"
            >
              <div className="min-w-0 space-y-1">
                <label htmlFor={`${id}-field`} className="sr-only">
                  Condition {number} field
                </label>
                <input
                  id={`${id}-field`}
                  list="condition-fields"
                  className={`${inputClass} font-mono text-xs`}
                  value={row.path}
                  placeholder="data.public_metadata.plan"
                  spellCheck={false}
                  autoComplete="off"
                  aria-invalid={invalidRow === index || undefined}
                  aria-describedby={`${id}-sample`}
                  onChange={(event) => {
                    const path = event.target.value;
                    setRow(row.key, { path, hint: byPath.get(path.trim())?.type ?? row.hint });
                  }}
                />
                <p id={`${id}-sample`} className="truncate text-xs text-slate-500" data-testid="condition-sample">
                  {field ? `Sample: ${field.sample}` : row.path ? "Not in the sample payload" : "Pick or type a field"}
                </p>
              </div>
              <div>
                <label htmlFor={`${id}-operator`} className="sr-only">
                  Condition {number} operator
                </label>
                <select
                  id={`${id}-operator`}
                  className={inputClass}
                  value={row.operator}
                  onChange={(event) => {
                    const operator = event.target.value as ConditionOperator;
                    const value = operator === "$exist" ? "true" : row.operator === "$exist" ? "" : row.value;
                    setRow(row.key, { operator, value });
                  }}
                >
                  {COMPARISON_OPERATORS.map((operator) => (
                    <option key={operator} value={operator}>
                      {OPERATOR_LABELS[operator]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="min-w-0 space-y-1">
                <label htmlFor={`${id}-value`} className="sr-only">
                  Condition {number} value
                </label>
                {row.operator === "$exist" ? (
                  <select
                    id={`${id}-value`}
                    className={inputClass}
                    value={row.value === "false" ? "false" : "true"}
                    onChange={(event) => setRow(row.key, { value: event.target.value })}
                  >
                    <option value="true">yes</option>
                    <option value="false">no</option>
                  </select>
                ) : (
                  <input
                    id={`${id}-value`}
                    className={inputClass}
                    value={row.value}
                    inputMode={field?.type === "number" ? "decimal" : undefined}
                    placeholder={row.operator === "$in" || row.operator === "$nin" ? "a, b, c" : "value"}
                    spellCheck={false}
                    autoComplete="off"
                    aria-describedby={row.operator === "$in" || row.operator === "$nin" ? `${id}-list` : undefined}
                    onChange={(event) => setRow(row.key, { value: event.target.value })}
                  />
                )}
                {row.operator === "$in" || row.operator === "$nin" ? (
                  <p id={`${id}-list`} className="text-xs text-slate-500">
                    {LIST_HINT}
                  </p>
                ) : null}
              </div>
              <Button
                variant="ghost"
                onClick={() => remove(row.key)}
                aria-label={`Remove condition ${number}`}
                className="justify-self-end"
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" onClick={() => onChange({ ...draft, rows: [...draft.rows, newRow()] })}>
        + Add condition
      </Button>
    </div>
  );
}
