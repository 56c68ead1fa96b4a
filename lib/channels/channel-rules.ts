import { slackUrlField } from "../crypto/sealed-fields";
import { seal } from "../crypto/secret-box";
import { AppError } from "../errors";
import { formatCount } from "../format/format-count";
import { formatSlackChannel } from "../format/format-slack-channel";
import { getPreset } from "../templates/presets";
import { storedConditions } from "./channel-conditions";
import type { ParsedUpdateChannelInput, TemplateChange } from "./channel-input";
import { slackUrlHint } from "./slack-url";

// The rules every write of a channel follows, whether it comes from the dashboard or the API.

type Kind = "email" | "slack";

/** A preset id must name a preset of the channel's kind; null means "the preset made for each type". */
export function checkPresets(kind: Kind, changes: TemplateChange[]): void {
  for (const change of changes) {
    if (change.presetId !== null && !getPreset(kind, change.presetId)) {
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

/** Recipients belong to email, the URL to Slack: a field of the other kind is refused, not ignored. */
export function checkFieldsFitKind(kind: Kind, input: { recipients?: unknown; slackUrl?: unknown }): void {
  if (kind === "slack" && input.recipients !== undefined) {
    throw new AppError("validation_failed", "A Slack channel has no recipients; it posts to its Slack URL.");
  }
  if (kind === "email" && input.slackUrl !== undefined && input.slackUrl !== "") {
    throw new AppError("validation_failed", "An email channel has no Slack URL.");
  }
}

/** The Channel columns an update writes: only what the input sets; the Slack URL sealed with the channel's id. */
export function mergeChannelUpdate(channelId: string, input: ParsedUpdateChannelInput) {
  const data: Record<string, string | boolean | null> = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.isEnabled !== undefined) data.isEnabled = input.isEnabled;
  if (input.eventTypes !== undefined)
    data.eventTypes = input.eventTypes === null ? null : JSON.stringify(input.eventTypes);
  if (input.conditions !== undefined) data.conditions = storedConditions(input.conditions);
  if (input.recipients !== undefined) data.recipients = JSON.stringify(input.recipients);
  if (input.slackUrl) {
    data.slackUrl = seal(input.slackUrl, slackUrlField(channelId));
    data.slackUrlHint = slackUrlHint(input.slackUrl);
  }
  return data;
}

/** What changed, for the audit log: never a secret (a new Slack URL is only "new Slack URL"). */
export function describeChannelChange(kind: Kind, input: ParsedUpdateChannelInput & { kind?: Kind }): string {
  const templates = input.templates ?? [];
  const parts = [
    input.isEnabled === undefined ? "" : input.isEnabled ? "on" : "off",
    input.name === undefined
      ? ""
      : kind === "slack"
        ? `channel ${formatSlackChannel(input.name)}`
        : `name “${input.name}”`,
    input.recipients ? formatCount(input.recipients.length, "recipient") : "",
    input.slackUrl ? "new Slack URL" : "",
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
