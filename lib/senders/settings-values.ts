import type { SettingField } from "./sender";

/** A settings form's values as typed, by field name. */
export type SettingsValues = Record<string, string>;

/** The form's starting values: what is saved for this sender, else each field's default. */
export function initialSettings(fields: SettingField[], saved: Record<string, unknown> | null): SettingsValues {
  return Object.fromEntries(
    fields.map((field) => {
      const value = saved?.[field.name];
      return [field.name, value !== undefined && value !== null ? String(value) : (field.defaultValue ?? "")];
    }),
  );
}

/** Whether a field applies given the others' values (`showWhen`). */
export function isSettingShown(field: SettingField, values: SettingsValues): boolean {
  return !field.showWhen || values[field.showWhen.field] === field.showWhen.value;
}

/**
 * The settings object sent with the secret: shown fields only (a hidden one does not apply), numbers as
 * numbers, empty fields left out so the sender's schema applies its own default or names what is missing.
 */
export function settingsToSend(fields: SettingField[], values: SettingsValues): Record<string, string | number> {
  const settings: Record<string, string | number> = {};
  for (const field of fields) {
    const value = values[field.name]?.trim() ?? "";
    if (!isSettingShown(field, values) || value === "") continue;
    settings[field.name] = field.type === "number" && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return settings;
}
