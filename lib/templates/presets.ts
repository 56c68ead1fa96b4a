import { readFileSync } from "node:fs";
import path from "node:path";
import { SENDERS } from "../senders/senders";
import type { AlertTemplate } from "./alert-template";
import { composePreset } from "./compose-preset";
import { TEMPLATE_FORMATS, type TemplateFormatId } from "./template-formats";

// The built-in alert templates. Clerk's text lives in templates/ at the repository root (one Handlebars
// file per part) so it can be read and edited as plain files; this module pairs each file set with its
// metadata. Every other sender's presets are written once per event in its module (lib/senders/<sender>/)
// and composed for each format by compose-preset.ts. The generic preset fits any sender.

/** Presets are per template format (email, slack): a kind of channel renders the presets of its format. */
export type ChannelKind = TemplateFormatId;

export type Preset<K extends ChannelKind = ChannelKind> = {
  id: string;
  name: string;
  description: string;
  /** The event type the preset is written for; null for the generic preset that fits any event. */
  eventType: string | null;
  /** The sender whose events it is written for; null: any sender (the generic preset). */
  sender: string | null;
  kind: K;
  template: AlertTemplate;
};

/** What alert templates see: `{{event.data.first_name}}`, `{{eventUrl}}`, `{{webhook.name}}`… */
export type TemplateContext = {
  /** The received JSON payload (for Clerk, the event envelope: type, data, timestamp…). */
  event: Record<string, unknown>;
  /** Hookbell's id of the event (evt_…). */
  eventId: string;
  /** The payload's `type`, or "" when it has none. */
  eventType: string;
  /** When Hookbell received the event, ISO 8601. */
  receivedAt: string;
  /** Link to the event in the Hookbell log. */
  eventUrl: string;
  /** environment: the webhook's label, e.g. "production" or "test"; sender: its sender's id (clerk, stripe…). */
  webhook: { id: string; name: string; environment: string; sender?: string | null };
};

/** Not a preset of its own: picks the preset made for each event's type, else the generic one. */
export const AUTO_PRESET_ID = "auto";
export const AUTO_PRESET_NAME = "Automatic";
export const AUTO_PRESET_DESCRIPTION = "The matching preset for each event type, else the generic alert";

const GENERIC_ID = "generic";

/** Clerk's presets predate senders: a webhook connected before senders were chosen gets them. */
const LEGACY_SENDER = "clerk";

type FilePreset = Omit<Preset, "kind" | "template" | "sender">;

const PRESETS: readonly FilePreset[] = [
  { id: GENERIC_ID, name: "Event alert", description: "Any event: its type, object and a link", eventType: null },
  { id: "user-created", name: "New signup", description: "A user signed up", eventType: "user.created" },
  { id: "user-deleted", name: "User deleted", description: "A user was deleted", eventType: "user.deleted" },
  { id: "user-locked", name: "User locked out", description: "A user was locked out", eventType: "user.locked" },
  { id: "session-created", name: "New sign-in", description: "A user signed in", eventType: "session.created" },
  {
    id: "organization-created",
    name: "New organization",
    description: "An organization was created",
    eventType: "organization.created",
  },
  {
    id: "organization-membership-created",
    name: "New organization member",
    description: "A user joined an organization",
    eventType: "organizationMembership.created",
  },
];

const loaded = new Map<ChannelKind, Preset[]>();

function readPart(...segments: string[]): string {
  // The files end with a newline by convention; the template itself does not.
  return readFileSync(path.join(process.cwd(), "templates", ...segments), "utf8").replace(/\r?\n$/, "");
}

function load<K extends ChannelKind>(kind: K): Preset<K>[] {
  let presets = loaded.get(kind);
  if (!presets) {
    const fromFiles = PRESETS.map((meta): Preset => {
      const { folder, parts } = TEMPLATE_FORMATS[kind];
      const template: AlertTemplate = { title: "", body: "", text: "", facts: "" };
      for (const { part, file } of parts) template[part] = readPart(folder, `${meta.id}.${file}.hbs`);
      return { ...meta, sender: meta.id === GENERIC_ID ? null : LEGACY_SENDER, kind, template } as Preset;
    });
    const fromSenders = SENDERS.flatMap((sender) =>
      sender.presets.map(
        (spec): Preset => ({
          id: spec.id,
          name: spec.name,
          description: spec.description,
          eventType: spec.eventType,
          sender: sender.id,
          kind,
          template: composePreset(kind, spec),
        }),
      ),
    );
    presets = [...fromFiles, ...fromSenders];
    loaded.set(kind, presets);
  }
  // Callers get copies, so editing a returned template never changes the preset.
  return structuredClone(presets) as Preset<K>[];
}

function fitsSender(preset: Preset, sender: string | null | undefined): boolean {
  return preset.sender === null || preset.sender === (sender || LEGACY_SENDER);
}

/** The presets a webhook of this sender can use: the generic one and the sender's own. */
export function listPresets<K extends ChannelKind>(kind: K, sender?: string | null): Preset<K>[] {
  return load(kind).filter((preset) => fitsSender(preset, sender));
}

/** The preset with this id, of any sender; undefined for unknown ids, including AUTO_PRESET_ID. */
export function getPreset<K extends ChannelKind>(kind: K, id: string): Preset<K> | undefined {
  return load(kind).find((preset) => preset.id === id);
}

/** The preset the sender's `eventType` has when there is one, else the generic preset. */
export function presetForEvent<K extends ChannelKind>(
  kind: K,
  eventType: string | null,
  sender?: string | null,
): Preset<K> {
  const presets = load(kind);
  return (
    presets.find((preset) => eventType && preset.eventType === eventType && fitsSender(preset, sender)) ??
    (presets.find((preset) => preset.id === GENERIC_ID) as Preset<K>)
  );
}

/** The one-line summary source of a preset (templates/summary/<id>.hbs, or the sender preset's `summary`). */
export function presetSummarySource(presetId: string): string {
  for (const sender of SENDERS) {
    const spec = sender.presets.find((candidate) => candidate.id === presetId);
    if (spec) return spec.summary;
  }
  return readPart("summary", `${presetId}.hbs`).trim();
}
