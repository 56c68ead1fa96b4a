import { Readable } from "node:stream";
import type { Tenant } from "@/lib/auth/tenant";
import { createChannel } from "@/lib/channels/create-channel";
import type { ChannelSettings } from "@/lib/channels/kinds/channel-kind";
import type { Db } from "@/lib/db/client";
import { type DeliveryWorker, startDeliveryWorker } from "@/lib/delivery/delivery-worker";
import { randomBase62 } from "@/lib/ids";
import { ingestRequest } from "@/lib/ingest/ingest-request";
import { notAlertedDate, parseNotAlerted } from "@/lib/log/not-alerted";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { CLERK_SECRET, clerkEvent, signedHeaders } from "../helpers/signing";

// Shared set-up for the delivery tests: a webhook with channels made through the real lib functions,
// signed requests through the real ingest core, and a worker on a clock the test moves.

export const FROM = "Hookbell <alerts@hookbell.test>";

export class Clock {
  constructor(public current = new Date()) {}
  now = () => this.current;
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export type Alerted = { webhookId: string; slackUrl: string; emailChannelId?: string; slackChannelId?: string };

export async function webhookWithChannels(
  db: Db,
  tenant: Tenant,
  options: { email?: string[]; slack?: boolean; eventTypes?: string[] | null; slackTemplate?: string } = {},
): Promise<Alerted> {
  const webhook = await createWebhook(db, tenant);
  await saveSigningSecret(db, tenant, webhook.id, { provider: "clerk", secret: CLERK_SECRET });
  const slackUrl = `https://hooks.slack.com/services/T0${randomBase62(8)}/B0${randomBase62(8)}/${randomBase62(24)}`;
  const eventTypes = options.eventTypes ?? null;
  // No templates: each channel follows the automatic presets; a Slack template given is the channel's default.
  const emailChannelId = options.email
    ? await createChannel(db, tenant, webhook.id, { kind: "email", recipients: options.email.join(", "), eventTypes })
    : undefined;
  const slackChannelId = options.slack
    ? await createChannel(db, tenant, webhook.id, {
        kind: "slack",
        name: "alerts-test",
        slackUrl,
        eventTypes,
        templates: options.slackTemplate
          ? [
              {
                eventType: "*",
                presetId: null,
                template: { title: "", body: options.slackTemplate, text: "", facts: "" },
              },
            ]
          : [],
      })
    : undefined;
  return { webhookId: webhook.id, slackUrl, emailChannelId, slackChannelId };
}

export async function ingest(
  db: Db,
  webhookId: string,
  body = clerkEvent("user.created"),
  options: { id?: string; now?: Date } = {},
) {
  const headers = signedHeaders(body, { id: options.id, timestamp: options.now });
  return ingestRequest(db, {
    webhookId,
    method: "POST",
    headers: new Headers(headers),
    body: Readable.from([Buffer.from(body)]),
    now: options.now,
  });
}

/** A worker driven by the test's clock; `options` names each destination's stand-in (ChannelSettings). */
export function testWorker(
  db: Db,
  clock: Clock,
  options: Partial<ChannelSettings> & { slackOrigin: string },
): DeliveryWorker {
  return startDeliveryWorker(db, {
    smtpFrom: FROM,
    ...options,
    now: clock.now,
    autoStart: false,
  });
}

/**
 * A webhook's outbox rows and its events' "not alerted" entries (kept on the event row) as the log shows
 * them: one list in planning order, the silent channels as status "filtered" with their reason.
 */
export async function deliveriesOf(db: Db, webhookId: string) {
  const [rows, events] = await Promise.all([
    db.delivery.findMany({
      where: { webhookId },
      orderBy: { id: "asc" },
      include: { attempts: { orderBy: { number: "asc" } } },
    }),
    db.event.findMany({
      where: { webhookId, notAlerted: { not: null } },
      select: { id: true, projectId: true, notAlerted: true },
    }),
  ]);
  const silent = events.flatMap((event) =>
    parseNotAlerted(event.notAlerted).map((entry) => ({
      id: entry.id,
      projectId: event.projectId,
      webhookId,
      eventId: event.id,
      channelId: entry.channelId,
      kind: entry.kind,
      trigger: entry.trigger,
      status: "filtered",
      statusReason: entry.reason,
      attemptCount: 0,
      nextAttemptAt: null,
      leaseToken: null,
      pacedSlotAt: null,
      usageMonth: null,
      completedAt: notAlertedDate(entry),
      createdAt: notAlertedDate(entry),
      updatedAt: notAlertedDate(entry),
      attempts: [] as (typeof rows)[number]["attempts"],
    })),
  );
  return [...rows, ...silent].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
