"use client";

import { inputClass } from "@/components/field";
import type { EventGroupOption } from "./channel-types";

/** A labelled dropdown of the Clerk event catalog, grouped as Clerk groups it. */
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
    </div>
  );
}
