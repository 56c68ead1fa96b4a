import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import type { AlertTemplate } from "../templates/alert-template";
import { type ConditionDocument, parseStoredConditions } from "./channel-conditions";
import { parseEventFilter } from "./event-filter";
import { channelKindFor } from "./kinds/channel-kinds";
import { templateFor } from "./template-for";

/** One row of a channel's template set, with the parts it renders (the preset's where it has none). */
export type TemplateView = { eventType: string; presetId: string | null; template: AlertTemplate; isEdited: boolean };

/** A channel as the dashboard and the API see it: secrets (the Slack URL) only ever masked. */
export type ChannelView = {
  id: string;
  /** A ChannelKindId; as a string, so a kind added to the registry lists like the others. */
  kind: string;
  isEnabled: boolean;
  name: string;
  recipients: string[];
  slackUrlMasked: string | null;
  /** Per field of the kind's form: a plain field's saved value, a secret's mask (ShownConfig.settings). */
  settings: Record<string, string>;
  eventTypes: string[] | null;
  conditions: ConditionDocument | null;
  /** "*" (the default) first, then overrides by event type; empty: "Automatic". */
  templates: TemplateView[];
  /** The version an editor opened: sent back as expectedUpdatedAt, so a stale save is refused. */
  updatedAt: string;
};

export async function listChannels(db: Db, tenant: Tenant, webhookId: string): Promise<ChannelView[]> {
  const rows = await db.channel.findMany({
    where: { webhookId, projectId: tenant.projectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      templates: { where: { projectId: tenant.projectId }, orderBy: { eventType: "asc" } },
      webhook: { select: { provider: true } },
    },
  });
  // A kind this version does not know (written by a newer one during an upgrade) is not listed.
  return rows.flatMap((row) => {
    const module = channelKindFor(row.kind);
    if (!module) return [];
    const kind = module.kind;
    return {
      id: row.id,
      kind,
      isEnabled: row.isEnabled,
      name: row.name,
      recipients: [],
      slackUrlMasked: null,
      settings: {},
      ...module.showConfig(row),
      eventTypes: parseEventFilter(row.eventTypes),
      conditions: parseStoredConditions(row.conditions),
      templates: row.templates.map((template) => ({
        eventType: template.eventType,
        presetId: template.presetId,
        template: templateFor({ kind, templates: [template] }, template.eventType, row.webhook.provider).template,
        isEdited: template.body !== null || template.title !== null || template.text !== null,
      })),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
