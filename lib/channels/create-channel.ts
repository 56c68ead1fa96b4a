import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { newId } from "../ids";
import { storedConditions } from "./channel-conditions";
import { CreateChannelInput } from "./channel-input";
import { checkPresets, describeChannelChange, kindFields } from "./channel-rules";
import type { ChannelReveal } from "./kinds/channel-kind";
import { requireChannelKind } from "./kinds/channel-kinds";
import { vetTemplates } from "./vet-templates";
import { writeTemplates } from "./write-templates";

/**
 * Every event is planned for every channel of its webhook inside ingest's transaction: the number is
 * bounded so one webhook's fan-out stays small next to everyone else's ingest.
 */
export const MAX_CHANNELS_PER_WEBHOOK = 20;

/** A new channel's id, and what its kind shows its creator once (a signing secret it made), if anything. */
export type CreatedChannel = { id: string; reveal: ChannelReveal | null };

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
  return (await createChannelAndReveal(db, tenant, webhookId, raw)).id;
}

/**
 * createChannel for the dashboard's and the API's create, which show the kind's reveal (revealOnCreate)
 * to the person who made the channel: this answer is the only place it ever appears.
 */
export async function createChannelAndReveal(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  raw: CreateChannelInput,
): Promise<CreatedChannel> {
  const input = CreateChannelInput.parse(raw);
  const kind = requireChannelKind(input.kind);
  // The shared settings and the kind's own fields, nothing else: a field of another kind is refused.
  const whole = CreateChannelInput.extend(kind.createFields.shape).strict().parse(raw);
  const fields = kindFields(kind, whole);
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { id: true, name: true, environment: true },
  });
  if (!webhook) throw notFound("Webhook");
  const templates = input.templates ?? [];
  checkPresets(kind, templates);
  await vetTemplates(tenant, webhook, kind, templates, input.eventTypes ?? null);

  // Secrets are sealed with the channel's id, so the id is chosen first.
  const id = newId("ch");
  const name = input.name ?? kind.defaultName();
  const columns = kind.storeFields(id, fields);
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
        kind: kind.kind,
        name,
        isEnabled: input.isEnabled ?? true,
        eventTypes: input.eventTypes ? JSON.stringify(input.eventTypes) : null,
        conditions: storedConditions(input.conditions ?? null),
        ...columns,
      },
    });
    await writeTemplates(tx, { id, projectId: tenant.projectId }, templates);
    // Described by the kind's module, which never names a secret: the audit log holds none.
    const details = describeChannelChange(kind, {
      ...fields,
      isEnabled: input.isEnabled ?? true,
      eventTypes: input.eventTypes ?? null,
      // Only worth a mention when there are some.
      conditions: input.conditions ?? undefined,
      templates,
    });
    await recordAudit(tx, tenant, {
      action: "channel.created",
      targetType: "webhook",
      targetId: webhookId,
      summary: `Added ${kind.noun} channel “${name}”: ${details}.`,
    });
  });
  return { id, reveal: kind.revealOnCreate?.(columns, id) ?? null };
}
