"use client";

import { inputClass } from "@/components/field";
import type { EventGroupOption } from "./channel-types";

/**
 * A labelled dropdown of the sender's event catalog, grouped as the sender groups it; a text field for a
 * sender without a catalog (Standard Webhooks), since any event type is accepted.
 */
export function EventTypeSelect(props: {
  id: string;
  label: string;
  groups: EventGroupOption[];
  value: string;
  onChange: (type: string) => void;
}) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.groups.length === 0 ? (
        <input
          id={props.id}
          className={`${inputClass} font-mono`}
          value={props.value}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => props.onChange(event.target.value)}
        />
      ) : (
        <select
          id={props.id}
          className={inputClass}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        >
          {props.groups.map((group) => (
            <optgroup key={group.id} label={group.name}>
              {group.types.map((entry) => (
                <option key={entry.type}>{entry.type}</option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </div>
  );
}
