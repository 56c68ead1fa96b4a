"use client";

import { inputClass } from "@/components/field";
import type { SettingField } from "@/lib/senders/sender";
import { isSettingShown, type SettingsValues } from "@/lib/senders/settings-values";

/** A sender's settings form, generated from its `settingsFields` (text, number and select, with showWhen). */
export function SenderSettingsFields(props: {
  senderName: string;
  fields: SettingField[];
  values: SettingsValues;
  onChange: (values: SettingsValues) => void;
}) {
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="sender-settings">
      <legend className="px-1 text-sm font-medium">{props.senderName} settings</legend>
      {props.fields.map((field) => {
        if (!isSettingShown(field, props.values)) return null;
        const id = `sender-setting-${field.name}`;
        const common = {
          id,
          value: props.values[field.name] ?? "",
          className: inputClass,
          "aria-describedby": field.help ? `${id}-help` : undefined,
        };
        const set = (value: string) => props.onChange({ ...props.values, [field.name]: value });
        return (
          <div key={field.name} className="space-y-1.5">
            <label htmlFor={id} className="block text-sm font-medium">
              {field.label}
            </label>
            {field.type === "select" ? (
              <select {...common} onChange={(event) => set(event.target.value)}>
                {(field.options ?? []).map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.type === "number" ? "number" : "text"}
                inputMode={field.type === "number" ? "numeric" : undefined}
                autoComplete="off"
                spellCheck={false}
                placeholder={field.placeholder}
                onChange={(event) => set(event.target.value)}
              />
            )}
            {field.help ? (
              <p id={`${id}-help`} className="text-xs text-slate-500">
                {field.help}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
