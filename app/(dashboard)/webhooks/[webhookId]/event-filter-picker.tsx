"use client";

import { inputClass } from "@/components/field";
import { type EventGroupOption, firstEventType } from "./channel-types";

type Props = { groups: EventGroupOption[]; value: string[] | null; onChange: (value: string[] | null) => void };

/** "All events", or chosen types from the catalog, grouped as the sender groups them. */
export function EventFilterPicker({ groups, value, onChange }: Props) {
  const chosen = new Set(value ?? []);
  const toggle = (types: string[], isOn: boolean) => {
    const next = new Set(chosen);
    for (const type of types) {
      if (isOn) next.add(type);
      else next.delete(type);
    }
    onChange([...next]);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Events to alert on</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="event-filter" checked={value === null} onChange={() => onChange(null)} />
          All events
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="event-filter"
            checked={value !== null}
            onChange={() => onChange(value ?? [firstEventType(groups)])}
          />
          Only the events I choose
        </label>
      </div>
      {value !== null && groups.length === 0 ? (
        // A sender without a catalog (Standard Webhooks): the types are typed, comma-separated.
        <div className="space-y-1">
          <label htmlFor="event-filter-types" className="block text-sm">
            Event types, separated by commas
          </label>
          <input
            id="event-filter-types"
            className={`${inputClass} font-mono`}
            spellCheck={false}
            autoComplete="off"
            defaultValue={value.join(", ")}
            onChange={(event) =>
              onChange(
                event.target.value
                  .split(",")
                  .map((type) => type.trim())
                  .filter(Boolean),
              )
            }
          />
        </div>
      ) : null}
      {value !== null && groups.length > 0 ? (
        <div className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group) => {
            const types = group.types.map((entry) => entry.type);
            const allOn = types.every((type) => chosen.has(type));
            return (
              <div key={group.id} className="space-y-1 text-sm">
                <label className="flex items-center gap-2 font-medium">
                  <input type="checkbox" checked={allOn} onChange={(event) => toggle(types, event.target.checked)} />
                  {group.name}
                </label>
                {group.types.map((entry) => (
                  <label key={entry.type} className="ml-5 flex items-center gap-2" title={entry.description}>
                    <input
                      type="checkbox"
                      checked={chosen.has(entry.type)}
                      onChange={(event) => toggle([entry.type], event.target.checked)}
                    />
                    <code className="text-xs">{entry.type}</code>
                  </label>
                ))}
              </div>
            );
          })}
        </div>
      ) : null}
      {value !== null ? (
        <p className="text-xs text-slate-500">Other events are still logged, marked “not alerted (filtered)”.</p>
      ) : null}
    </fieldset>
  );
}
