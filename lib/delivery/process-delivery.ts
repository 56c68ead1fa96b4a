import { emailTemplateFor, slackTemplateFor } from "../channels/channel-template";
import { sendEmail } from "../channels/email";
import type { SendResult } from "../channels/send-result";
import { sendSlack } from "../channels/slack";
import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import { newTimeOrderedId } from "../ids";
import { renderEmail } from "../templates/render-email";
import { renderSlack } from "../templates/render-slack";
import type { Claim } from "./claim-deliveries";
import { nextRetryDelay } from "./retry-schedule";
import { pacingKey, takeSendSlot } from "./send-pacing";
import { templateContext } from "./template-context";
import { type ChannelKind, releaseQuota, reserveQuota, usageMonth } from "./usage-quota";

export type DeliveryDeps = {
  db: Db;
  now: () => Date;
  /** Unset: email goes to the built-in Dev mailbox. */
  smtpUrl?: string;
  smtpFrom: string;
  slackOrigin: string;
};

type Loaded = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;

function loadDelivery(db: Db, id: string) {
  return db.delivery.findUnique({
    where: { id },
    include: {
      channel: true,
      event: {
        select: {
          id: true,
          eventType: true,
          receivedAt: true,
          body: true,
          webhook: { select: { id: true, name: true } },
        },
      },
    },
  });
}

/** One claimed delivery: quota, render, pace, send, and record the attempt. Never sends inside a transaction. */
export async function processDelivery(deps: DeliveryDeps, claim: Claim): Promise<void> {
  const { db } = deps;
  const delivery = await loadDelivery(db, claim.id);
  if (!delivery || delivery.leaseToken !== claim.token) return;
  const fenced = { id: delivery.id, leaseToken: claim.token, status: "sending" };
  let attempts = delivery.attemptCount;

  if (claim.wasLeaseExpired) {
    attempts += 1;
    await db.deliveryAttempt.create({
      data: {
        id: newTimeOrderedId("att", deps.now().getTime()),
        deliveryId: delivery.id,
        number: attempts,
        startedAt: delivery.updatedAt,
        durationMs: Math.max(0, deps.now().getTime() - delivery.updatedAt.getTime()),
        outcome: "retry",
        error: "The worker sending this alert stopped before it finished (its lease expired); sending again.",
      },
    });
    await db.delivery.updateMany({ where: fenced, data: { attemptCount: attempts } });
  }

  const finish = async (status: string, statusReason: string | null, releasesQuota = false) => {
    await db.delivery.updateMany({
      where: fenced,
      data: {
        status,
        statusReason,
        nextAttemptAt: null,
        leaseToken: null,
        completedAt: deps.now(),
        attemptCount: attempts,
      },
    });
    if (releasesQuota && delivery.usageMonth) {
      await releaseQuota(db, delivery.projectId, delivery.kind, delivery.usageMonth);
      await db.delivery.updateMany({ where: { id: delivery.id }, data: { usageMonth: null } });
    }
  };

  if (!delivery.channel.isEnabled) {
    return finish("skipped", "Skipped: the channel was turned off before this alert was sent.", true);
  }
  if (!delivery.usageMonth) {
    const month = usageMonth(deps.now());
    if (!(await reserveQuota(db, delivery.projectId, delivery.kind as ChannelKind, month))) {
      return finish("skipped", `Skipped (quota): this project has used all its ${delivery.kind} alerts for ${month}.`);
    }
    delivery.usageMonth = month;
    await db.delivery.updateMany({ where: fenced, data: { usageMonth: month } });
  }

  let send: () => Promise<SendResult>;
  try {
    send = prepareSend(deps, delivery);
  } catch (error) {
    return record(deps, delivery, fenced, attempts + 1, deps.now(), 0, {
      outcome: "failed",
      error: `The template could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
    });
  }

  if (delivery.kind === "slack" && delivery.channel.slackUrl) {
    const nextSlot = await takeSendSlot(db, pacingKey("slack", delivery.channel.slackUrl), deps.now());
    if (nextSlot) {
      // Not an attempt: the message waits its turn behind others to the same Slack URL.
      await db.delivery.updateMany({
        where: fenced,
        data: { status: attempts > 0 ? "retrying" : "pending", nextAttemptAt: nextSlot, leaseToken: null },
      });
      return;
    }
  }

  const startedAt = deps.now();
  let result: SendResult;
  try {
    result = await send();
  } catch (error) {
    logUnexpected(`delivery ${delivery.id}`, error);
    result = { outcome: "retry", error: "Unexpected error while sending; will retry." };
  }
  await record(deps, delivery, fenced, attempts + 1, startedAt, deps.now().getTime() - startedAt.getTime(), result);
}

function prepareSend(deps: DeliveryDeps, delivery: Loaded): () => Promise<SendResult> {
  const { channel, event } = delivery;
  const context = templateContext({
    eventId: event.id,
    eventType: event.eventType,
    receivedAt: event.receivedAt,
    body: event.body,
    webhook: event.webhook,
  });
  if (delivery.kind === "slack") {
    if (!channel.slackUrl) throw new Error("the channel has no Slack URL; save one in its settings.");
    const message = renderSlack(slackTemplateFor(channel, event.eventType), context);
    const url = channel.slackUrl;
    return () => sendSlack(url, message, deps.slackOrigin);
  }
  const recipients = JSON.parse(channel.recipients ?? "[]") as string[];
  const email = renderEmail(emailTemplateFor(channel, event.eventType), context);
  const smtpUrl = deps.smtpUrl;
  if (smtpUrl) return () => sendEmail(smtpUrl, deps.smtpFrom, recipients, email);
  return async () => {
    await deps.db.mailboxMessage.create({
      data: {
        id: newTimeOrderedId("msg", deps.now().getTime()),
        projectId: delivery.projectId,
        deliveryId: delivery.id,
        recipients: JSON.stringify(recipients),
        ...email,
      },
    });
    return { outcome: "sent", response: "Stored in the Dev mailbox (no SMTP server is configured)." };
  };
}

async function record(
  deps: DeliveryDeps,
  delivery: Loaded,
  fenced: { id: string; leaseToken: string; status: string },
  number: number,
  startedAt: Date,
  durationMs: number,
  result: SendResult,
): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const retryDelay = result.outcome === "retry" ? nextRetryDelay(number, result.retryAfterMs) : null;
  const error = result.outcome === "sent" ? null : result.error;
  const status = result.outcome === "sent" ? "sent" : retryDelay === null ? "failed" : "retrying";
  const statusReason =
    status === "failed" && result.outcome === "retry" ? `Gave up after ${number} attempts. ${error}` : error;
  await db.$transaction([
    db.deliveryAttempt.create({
      data: {
        id: newTimeOrderedId("att", now.getTime()),
        deliveryId: delivery.id,
        number,
        startedAt,
        durationMs,
        outcome: result.outcome,
        statusCode: result.statusCode ?? null,
        response: result.outcome === "sent" ? (result.response ?? null) : null,
        error,
      },
    }),
    db.delivery.updateMany({
      where: fenced,
      data: {
        status,
        statusReason,
        attemptCount: number,
        leaseToken: null,
        nextAttemptAt: retryDelay === null ? null : new Date(now.getTime() + retryDelay),
        completedAt: status === "retrying" ? null : now,
      },
    }),
  ]);
  if (status === "failed" && delivery.usageMonth) {
    // Nobody was alerted, so the alert goes back to the quota.
    await releaseQuota(db, delivery.projectId, delivery.kind, delivery.usageMonth);
    await db.delivery.updateMany({ where: { id: delivery.id }, data: { usageMonth: null } });
  }
}
