import type { AnySender, EventGroup, SenderCategory, SettingField } from "./sender";

/** A sender as pages and the API may see it: plain data, no functions and no schema objects. */
export type SenderDescription = {
  id: string;
  name: string;
  category: SenderCategory;
  keywords: string[];
  docsUrl: string;
  docsLabel: string | null;
  urlHelp: string[];
  secret: { label: string; placeholder: string; help: string };
  /** What the idempotency key is; null: the sender gives none and the body's hash stands in for it. */
  idempotency: string | null;
  settingsFields: SettingField[];
  events: EventGroup[];
};

export function describeSender(sender: AnySender): SenderDescription {
  return {
    id: sender.id,
    name: sender.name,
    category: sender.category,
    keywords: [...sender.keywords],
    docsUrl: sender.docsUrl,
    docsLabel: sender.docsLabel ?? null,
    urlHelp: [...sender.urlHelp],
    secret: { label: sender.secret.label, placeholder: sender.secret.placeholder, help: sender.secret.help },
    idempotency: sender.idempotency,
    settingsFields: (sender.settingsFields ?? []).map((field) => ({
      ...field,
      ...(field.options ? { options: field.options.map((option) => ({ ...option })) } : {}),
      ...(field.showWhen ? { showWhen: { ...field.showWhen } } : {}),
    })),
    events: sender.events.map((group) => ({ ...group, types: group.types.map((entry) => ({ ...entry })) })),
  };
}

/** How the dashboard says a sender deduplicates (the Connect panel, the API's `idempotency_note`). */
export function describeIdempotency(sender: Pick<SenderDescription, "name" | "idempotency">): string {
  return sender.idempotency === null
    ? `${sender.name} sends no delivery id: an identical body within 24 hours is treated as a duplicate.`
    : `Duplicates are recognised by ${sender.idempotency}; a delivery seen before is logged once.`;
}
