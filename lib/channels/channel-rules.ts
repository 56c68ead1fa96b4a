import { AppError } from "../errors";
import { formatCount } from "../format/format-count";
import { getPreset } from "../templates/presets";
import { storedConditions } from "./channel-conditions";
import type { ParsedUpdateChannelInput, TemplateChange } from "./channel-input";
import type { AnyChannelKind, ChannelConfigColumns } from "./kinds/channel-kind";
import { listChannelKinds } from "./kinds/channel-kinds";

// The rules every write of a channel follows, whether it comes from the dashboard or the API. What differs
// per kind (its fields, how they are stored and described) is asked of the kind's module.

/** A preset id must name a preset of the channel's format; null means "the preset made for each type". */
export function checkPresets(kind: AnyChannelKind, changes: TemplateChange[]): void {
  for (const change of changes) {
    if (change.presetId !== null && !getPreset(kind.format, change.presetId)) {
      throw new AppError(
        "validation_failed",
        `Choose a template from the list (not “${change.presetId.slice(0, 80)}”).`,
      );
    }
  }
}

/**
 * A save made from an editor opened before someone else's save would silently undo it: refused, so the
 * editor can reload and the other change is kept.
 */
export function checkNotStale(savedUpdatedAt: Date, expectedUpdatedAt: string | undefined): void {
  if (expectedUpdatedAt !== undefined && new Date(expectedUpdatedAt).getTime() !== savedUpdatedAt.getTime()) {
    throw new AppError(
      "conflict",
      "This channel was changed elsewhere since you opened it; reload to see the change, then edit again.",
    );
  }
}

/**
 * A field of another kind (recipients sent to a Slack channel) is refused, not ignored; a blank one is
 * what a form sends for a field it does not show. Returns the input without those blanks.
 */
export function checkFieldsFitKind(kind: AnyChannelKind, input: Record<string, unknown>, shared: Set<string>) {
  const fitting: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const isOwn = shared.has(key) || Object.hasOwn(kind.updateFields.shape, key);
    const owner = isOwn ? undefined : listChannelKinds().find((other) => Object.hasOwn(other.fieldLabels, key));
    if (owner && (value === undefined || value === "")) continue;
    if (owner) {
      const channel = `${/^[aeiou]/i.test(kind.noun) ? "An" : "A"} ${kind.noun} channel`;
      throw new AppError("validation_failed", `${channel} has no ${owner.fieldLabels[key]}.`);
    }
    fitting[key] = value;
  }
  return fitting;
}

/** The kind's own fields of a parsed input (those its module declares), for storing and describing. */
export function kindFields(kind: AnyChannelKind, input: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(kind.updateFields.shape)) {
    if (input[key] !== undefined) fields[key] = input[key];
  }
  return fields;
}

/** The Channel columns an update writes: only what the input sets; the kind's secrets sealed by its module. */
export function mergeChannelUpdate(
  kind: AnyChannelKind,
  channelId: string,
  input: ParsedUpdateChannelInput,
  fields: Record<string, unknown>,
  saved?: ChannelConfigColumns,
) {
  const data: Record<string, string | boolean | null> = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.isEnabled !== undefined) data.isEnabled = input.isEnabled;
  if (input.eventTypes !== undefined)
    data.eventTypes = input.eventTypes === null ? null : JSON.stringify(input.eventTypes);
  if (input.conditions !== undefined) data.conditions = storedConditions(input.conditions);
  for (const [column, value] of Object.entries(kind.storeFields(channelId, fields, saved))) {
    if (value !== undefined) data[column] = value;
  }
  return data;
}

/** What changed, for the audit log: never a secret (a new Slack URL is only "new Slack URL"). */
export function describeChannelChange(
  kind: AnyChannelKind,
  input: ParsedUpdateChannelInput & Record<string, unknown>,
): string {
  const templates = input.templates ?? [];
  const parts = [
    input.isEnabled === undefined ? "" : input.isEnabled ? "on" : "off",
    input.name === undefined ? "" : (kind.describeName?.(input.name) ?? `name “${input.name}”`),
    ...kind.describeFields(kindFields(kind, input)),
    input.eventTypes === undefined
      ? ""
      : input.eventTypes
        ? formatCount(input.eventTypes.length, "event type")
        : "all events",
    input.conditions === undefined ? "" : input.conditions ? "conditions set" : "no conditions",
    ...templates.map((change) => templateSummary(change)),
    ...(input.resetTemplates ?? []).map((type) => `${type === "*" ? "default template" : `${type} template`} reset`),
  ];
  return parts.filter(Boolean).join(", ") || "no change";
}

function templateSummary(change: TemplateChange): string {
  const target = change.eventType === "*" ? "default template" : `${change.eventType} template`;
  if (change.template) return `edited ${target}${change.presetId ? ` (from ${change.presetId})` : ""}`;
  return `${target} ${change.presetId ?? "automatic"}`;
}
