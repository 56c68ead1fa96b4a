import type { Db } from "../../lib/db/client";
import { newId, newTimeOrderedId, newWebhookId } from "../../lib/ids";

// Bulk data for the dashboard benchmark: events over 30 days across three webhooks, two alerts per
// accepted event, in the shapes and proportions a busy Clerk project produces.

const TYPES = [
  ["session.created", 40],
  ["session.ended", 25],
  ["user.updated", 12],
  ["user.created", 10],
  ["email.created", 6],
  ["organizationMembership.created", 4],
  ["organization.created", 2],
  ["user.deleted", 1],
] as const;

function pickType(random: number): string {
  let total = random * 100;
  for (const [type, weight] of TYPES) {
    total -= weight;
    if (total <= 0) return type;
  }
  return TYPES[0][0];
}

export async function seedDashboard(
  db: Db,
  projectId: string,
  options: { events: number; deliveries: number; now?: Date },
): Promise<{ webhookIds: string[]; sampleEventId: string }> {
  const now = options.now ?? new Date();
  const webhookIds = [newWebhookId(), newWebhookId(), newWebhookId()];
  const environments = ["production", "production", "test"];
  for (const [index, id] of webhookIds.entries()) {
    await db.webhook.create({
      data: {
        id,
        projectId,
        name: `bench-${environments[index]}-${index}`,
        provider: "clerk",
        environment: environments[index],
        isActive: true,
        signingSecret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      },
    });
  }
  const channelIds = new Map<string, { email: string; slack: string }>();
  for (const webhookId of webhookIds) {
    const ids = { email: newId("ch"), slack: newId("ch") };
    channelIds.set(webhookId, ids);
    await db.channel.createMany({
      data: [
        {
          id: ids.email,
          projectId,
          webhookId,
          kind: "email",
          name: "Email",
          isEnabled: true,
          recipients: '["ops@example.com"]',
        },
        {
          id: ids.slack,
          projectId,
          webhookId,
          kind: "slack",
          name: "alerts",
          isEnabled: true,
          slackUrl: "https://hooks.slack.com/services/T0/B0/x",
        },
      ],
    });
  }

  const span = 30 * 86_400_000;
  const start = now.getTime() - span;
  const body = JSON.stringify({
    object: "event",
    type: "session.created",
    data: { id: "sess_2pXq", user_id: "user_2pXq", status: "active", client_id: "client_2pXq", expire_at: 0 },
    timestamp: 0,
    instance_id: "ins_2g7np7Hrk0SN6kj5EDMLDaKNL0S",
  });
  let deliveriesLeft = options.deliveries;
  let sampleEventId = "";
  const BATCH = 2000;
  for (let offset = 0; offset < options.events; offset += BATCH) {
    const events = [];
    const deliveries = [];
    for (let i = offset; i < Math.min(options.events, offset + BATCH); i++) {
      const at = new Date(start + Math.floor((span * i) / options.events));
      const random = (i * 7919) % 1000;
      const outcome = random < 30 ? "rejected" : random < 50 ? "duplicate" : "accepted";
      const webhookId = webhookIds[i % 3];
      const eventType = pickType(((i * 104729) % 1000) / 1000);
      const id = newTimeOrderedId("evt", at.getTime());
      events.push({
        id,
        projectId,
        webhookId,
        receivedAt: at,
        outcome,
        httpStatus: outcome === "rejected" ? 401 : 200,
        reasonCode: outcome === "rejected" ? "invalid_signature" : outcome === "duplicate" ? "duplicate_svix_id" : null,
        svixId: `msg_${i}`,
        dedupeKey: outcome === "accepted" ? `msg_${i}` : null,
        eventType,
        eventObject: "event",
        headers: "{}",
        body,
        bodySize: body.length,
      });
      if (outcome !== "accepted") continue;
      sampleEventId = id;
      const remainingEvents = options.events - i;
      const perEvent = Math.max(0, Math.min(3, Math.round(deliveriesLeft / Math.max(1, remainingEvents * 0.95))));
      const channels = channelIds.get(webhookId);
      for (let d = 0; d < perEvent && channels; d++) {
        const kind = d % 2 === 0 ? "email" : "slack";
        const status =
          random % 97 === 0 ? "failed" : random % 89 === 0 ? "retrying" : random % 13 === 0 ? "filtered" : "sent";
        deliveries.push({
          id: newTimeOrderedId("dlv", at.getTime()),
          projectId,
          webhookId,
          eventId: id,
          channelId: kind === "email" ? channels.email : channels.slack,
          kind,
          trigger: d < 2 ? "event" : "replay",
          status,
          attemptCount: status === "filtered" ? 0 : 1,
          nextAttemptAt: status === "retrying" ? new Date(now.getTime() + 60_000) : null,
          createdAt: at,
          completedAt: status === "retrying" ? null : at,
        });
      }
      deliveriesLeft -= perEvent;
    }
    await db.event.createMany({ data: events });
    if (deliveries.length > 0) await db.delivery.createMany({ data: deliveries });
  }
  for (const webhookId of webhookIds) {
    const eventCount = await db.event.count({ where: { webhookId, outcome: "accepted" } });
    await db.webhook.update({ where: { id: webhookId }, data: { eventCount, lastEventAt: now } });
  }
  return { webhookIds, sampleEventId };
}
