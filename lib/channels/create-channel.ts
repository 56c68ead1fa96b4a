import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import { slackUrlField } from "../crypto/sealed-fields";
import { seal } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { randomWebhookName } from "../webhooks/create-webhook";
import { storedConditions } from "./channel-conditions";
import { CreateChannelInput } from "./channel-input";
import { checkPresets, describeChannelChange } from "./channel-rules";
import { slackUrlHint } from "./slack-url";
import { vetTemplates } from "./vet-templates";
import { writeTemplates } from "./write-templates";

/**
 * Every event is planned for every channel of its webhook inside ingest's transaction: the number is
 * bounded so one webhook's fan-out stays small next to everyone else's ingest.
 */
export const MAX_CHANNELS_PER_WEBHOOK = 20;

/**
 * Adds a channel to a webhook; a webhook has any number, of any kind. Without templates it is "Automatic":
 * each event type renders its own preset. The channel, its templates and the audit entry commit together.
 */
export async function createChannel(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  raw: CreateChannelInput,
): Promise<string> {
  const input = CreateChannelInput.parse(raw);
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { id: true, name: true, environment: true },
  });
  if (!webhook) throw notFound("Webhook");
  const templates = input.templates ?? [];
  checkPresets(input.kind, templates);
  await vetTemplates(tenant, webhook, input.kind, templates, input.eventTypes ?? null);

  // The URL is sealed with the channel's id, so the id is chosen first.
  const id = newId("ch");
  const name = input.name ?? (input.kind === "email" ? "Email" : randomSlackChannelName());
  const kindFields =
    input.kind === "email"
      ? { recipients: JSON.stringify(input.recipients) }
      : { slackUrl: seal(input.slackUrl, slackUrlField(id)), slackUrlHint: slackUrlHint(input.slackUrl) };
  await db.$transaction(async (tx) => {
    // Counted in the transaction that adds the channel (SQLite runs one writer at a time).
    const existing = await tx.channel.count({ where: { webhookId, projectId: tenant.projectId } });
    if (existing >= MAX_CHANNELS_PER_WEBHOOK) {
      throw new AppError(
        "conflict",
        `A webhook has at most ${MAX_CHANNELS_PER_WEBHOOK} channels; delete one to add another, or use another webhook.`,
      );
    }
    await tx.channel.create({
      data: {
        id,
        projectId: tenant.projectId,
        webhookId,
        kind: input.kind,
        name,
        isEnabled: input.isEnabled ?? true,
        eventTypes: input.eventTypes ? JSON.stringify(input.eventTypes) : null,
        conditions: storedConditions(input.conditions ?? null),
        ...kindFields,
      },
    });
    await writeTemplates(tx, { id, projectId: tenant.projectId }, templates);
    // Described without the URL itself: the audit log never holds a secret.
    const details = describeChannelChange(input.kind, {
      isEnabled: input.isEnabled ?? true,
      recipients: input.kind === "email" ? input.recipients : undefined,
      eventTypes: input.eventTypes ?? null,
      // Only worth a mention when there are some.
      conditions: input.conditions ?? undefined,
      templates,
    });
    await recordAudit(tx, tenant, {
      action: "channel.created",
      targetType: "webhook",
      targetId: webhookId,
      summary: `Added ${input.kind === "slack" ? "Slack" : "email"} channel “${name}”: ${details}.`,
    });
  });
  return id;
}

export function randomSlackChannelName(): string {
  return `alerts-${randomWebhookName()}`;
}
