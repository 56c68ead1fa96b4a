import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { SHARED_UPDATE_KEYS, UpdateChannelInput } from "./channel-input";
import {
  checkFieldsFitKind,
  checkNotStale,
  checkPresets,
  describeChannelChange,
  kindFields,
  mergeChannelUpdate,
} from "./channel-rules";
import { parseEventFilter } from "./event-filter";
import { channelKindFor } from "./kinds/channel-kinds";
import { vetTemplates } from "./vet-templates";
import { writeTemplates } from "./write-templates";

/**
 * Changes a channel: only the fields sent change, templates row by row (an override saved for one event
 * type leaves the others on theirs). Turning it on or off is part of the same write: one transaction, one
 * audit entry, however many fields change.
 */
export async function updateChannel(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  channelId: string,
  raw: UpdateChannelInput,
): Promise<void> {
  const input = UpdateChannelInput.parse(raw);
  const channel = await db.channel.findFirst({
    where: { id: channelId, webhookId, projectId: tenant.projectId },
    select: {
      id: true,
      kind: true,
      name: true,
      eventTypes: true,
      updatedAt: true,
      config: true,
      secretConfig: true,
      webhook: { select: { id: true, name: true, environment: true, provider: true } },
    },
  });
  if (!channel) throw notFound("Channel");
  const kind = channelKindFor(channel.kind);
  if (!kind)
    throw new AppError("validation_failed", `This version of Hookbell cannot change ${channel.kind} channels.`);
  // The shared settings as parsed, and the kind's own fields as its module parses them.
  const whole = UpdateChannelInput.extend(kind.updateFields.shape)
    .strict()
    .parse(checkFieldsFitKind(kind, raw as Record<string, unknown>, SHARED_UPDATE_KEYS));
  const fields = kindFields(kind, whole);
  checkNotStale(channel.updatedAt, input.expectedUpdatedAt);
  const templates = input.templates ?? [];
  checkPresets(kind, templates);
  const eventTypes = input.eventTypes === undefined ? parseEventFilter(channel.eventTypes) : input.eventTypes;
  await vetTemplates(tenant, channel.webhook, kind, templates, eventTypes);

  const data = mergeChannelUpdate(kind, channel.id, input, fields, {
    config: channel.config,
    secretConfig: channel.secretConfig,
  });
  await db.$transaction(async (tx) => {
    // Fenced by updatedAt too: a save that started from the same version as another loses the race cleanly.
    const fence = {
      ...(input.expectedUpdatedAt === undefined ? {} : { updatedAt: channel.updatedAt }),
      // A sealed object rewritten from the saved one (a new URL beside a kept signing secret) must not undo
      // a change made to it since it was read (a rotation).
      ...(data.secretConfig === undefined ? {} : { secretConfig: channel.secretConfig }),
    };
    const { count } = await tx.channel.updateMany({
      where: { id: channel.id, projectId: tenant.projectId, ...fence },
      // Touching updatedAt even when only templates change keeps the stale-edit check meaningful.
      data: { ...data, updatedAt: new Date() },
    });
    if (count === 0)
      throw new AppError("conflict", "This channel was changed elsewhere since you opened it; reload it.");
    await writeTemplates(tx, { id: channel.id, projectId: tenant.projectId }, templates, input.resetTemplates);
    const onlyToggles =
      Object.keys(data).length === 1 &&
      data.isEnabled !== undefined &&
      templates.length === 0 &&
      !input.resetTemplates?.length;
    await recordAudit(tx, tenant, {
      action: onlyToggles ? (input.isEnabled ? "channel.turned_on" : "channel.turned_off") : "channel.saved",
      targetType: "webhook",
      targetId: webhookId,
      summary: `Changed ${kind.noun} channel “${input.name ?? channel.name}”: ${describeChannelChange(kind, { ...input, ...fields })}.`,
    });
  });
}
