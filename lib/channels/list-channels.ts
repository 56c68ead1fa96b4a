import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { parseEventFilter } from "./event-filter";
import { maskSlackUrl } from "./slack-url";

/** A channel as the dashboard sees it: the Slack URL only ever masked. */
export type ChannelView = {
  id: string;
  kind: "email" | "slack";
  isEnabled: boolean;
  name: string;
  recipients: string[];
  slackUrlMasked: string | null;
  templatePreset: string;
  template: { subject: string; body: string; text: string } | null;
  eventTypes: string[] | null;
};

export async function listChannels(db: Db, tenant: Tenant, webhookId: string): Promise<ChannelView[]> {
  const rows = await db.channel.findMany({
    where: { webhookId, projectId: tenant.projectId },
    orderBy: { kind: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind === "slack" ? "slack" : "email",
    isEnabled: row.isEnabled,
    name: row.name,
    recipients: row.recipients ? (JSON.parse(row.recipients) as string[]) : [],
    slackUrlMasked: row.slackUrl ? maskSlackUrl(row.slackUrlHint) : null,
    templatePreset: row.templatePreset,
    template:
      row.templateBody === null
        ? null
        : { subject: row.templateSubject ?? "", body: row.templateBody, text: row.templateText ?? "" },
    eventTypes: parseEventFilter(row.eventTypes),
  }));
}
