import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { CHANNEL_PLAN_ORDER } from "../delivery/plan-deliveries";
import { MAX_REPLAY_EVENTS } from "../delivery/replay-events";
import { AppError, notFound } from "../errors";
import { formatSlackChannel } from "../format/format-slack-channel";
import { parseEventBody } from "../templates/template-data";
import { channelKindFor } from "./kinds/channel-kinds";
import { whyNotAlerted } from "./why-not-alerted";

export type ReplayChannel = {
  id: string;
  name: string;
  kind: string;
  kindLabel: string;
  /** How many of the replayed events this channel would alert on. */
  alerts: number;
  /** Why not, for a channel that alerts on none of them (the first event's reason). */
  reason?: string;
};

export type ReplayPreview = { events: number; alerted: ReplayChannel[]; notAlerted: ReplayChannel[] };

type Target = { eventId: string } | { webhookId: string; from: Date; to: Date };

/**
 * What a replay would send, before it sends: each channel of the webhook with the number of the events it
 * would alert on, judged exactly as the replay (and ingest) judges them, so "Replay to N channels" is true.
 */
export async function previewReplay(db: Db, tenant: Tenant, target: Target): Promise<ReplayPreview> {
  let webhookId: string;
  let where: { id?: string; receivedAt?: { gte: Date; lte: Date } };
  if ("eventId" in target) {
    const event = await db.event.findFirst({
      where: { id: target.eventId, projectId: tenant.projectId },
      select: { webhookId: true, outcome: true },
    });
    if (!event) throw notFound("Event");
    if (event.outcome !== "accepted") {
      throw new AppError("conflict", "Only accepted events can be replayed; this request was not stored as an event.");
    }
    webhookId = event.webhookId;
    where = { id: target.eventId };
  } else {
    if (Number.isNaN(target.from.getTime()) || Number.isNaN(target.to.getTime())) {
      throw new AppError("validation_failed", "Enter both the start and the end of the window.");
    }
    if (target.from > target.to) throw new AppError("validation_failed", "The window must start before it ends.");
    const webhook = await db.webhook.findFirst({
      where: { id: target.webhookId, projectId: tenant.projectId },
      select: { id: true },
    });
    if (!webhook) throw notFound("Webhook");
    webhookId = webhook.id;
    where = { receivedAt: { gte: target.from, lte: target.to } };
  }
  const [events, channels] = await Promise.all([
    db.event.findMany({
      where: { ...where, webhookId, projectId: tenant.projectId, outcome: "accepted" },
      orderBy: { id: "asc" },
      take: MAX_REPLAY_EVENTS,
      select: { eventType: true, body: true },
    }),
    db.channel.findMany({
      where: { webhookId, projectId: tenant.projectId },
      // The order the replay plans in, so the preview names the channels as the log will list them.
      orderBy: CHANNEL_PLAN_ORDER,
      select: { id: true, name: true, kind: true, isEnabled: true, eventTypes: true, conditions: true },
    }),
  ]);
  const payloads = events.map((event) => {
    let parsed: unknown;
    return () => (parsed ??= parseEventBody(event.body));
  });
  // As planDeliveries judges a replayed event: the enabled channels' conditions share one step budget.
  const budgets = events.map(() => ({ steps: 0 }));
  const alerted: ReplayChannel[] = [];
  const notAlerted: ReplayChannel[] = [];
  for (const channel of channels) {
    const base = {
      id: channel.id,
      // As the dashboard shows it everywhere else: a Slack channel with its one "#".
      name: channel.kind === "slack" ? formatSlackChannel(channel.name) : channel.name,
      kind: channel.kind,
      kindLabel: channelKindFor(channel.kind)?.label ?? channel.kind,
    };
    if (!channel.isEnabled) {
      notAlerted.push({ ...base, alerts: 0, reason: "This channel is turned off." });
      continue;
    }
    let alerts = 0;
    let reason: string | undefined;
    events.forEach((event, index) => {
      const why = whyNotAlerted(channel, event.eventType, payloads[index], budgets[index]);
      if (why === null) alerts++;
      else reason ??= why.replace(/^Not alerted: /, "");
    });
    if (alerts > 0) alerted.push({ ...base, alerts });
    else notAlerted.push({ ...base, alerts, reason: reason ?? "No accepted events in that window." });
  }
  return { events: events.length, alerted, notAlerted };
}
