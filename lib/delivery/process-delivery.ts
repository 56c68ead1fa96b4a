import { sendEmail } from "../channels/email";
import type { SendResult } from "../channels/send-result";
import { sendSlack } from "../channels/slack";
import { loadTemplateFor } from "../channels/template-for";
import { slackUrlField } from "../crypto/sealed-fields";
import { open } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import { newTimeOrderedId } from "../ids";
import { renderInPool } from "../templates/render-in-pool";
import { describeTemplateProblem, type JobContext } from "../templates/run-render-job";
import type { Claim } from "./claim-deliveries";
import { MAX_ATTEMPTS, nextRetryDelay } from "./retry-schedule";
import { holdSendSlots, isHeld, pacingKey, reserveSendSlot } from "./send-pacing";
import { templateFacts } from "./template-context";
import { type ChannelKind, releaseQuota, reserveQuota, usageMonth } from "./usage-quota";

export type DeliveryDeps = {
  db: Db;
  now: () => Date;
  /** How long a claim lasts; renewed while a send is in progress. */
  leaseMs: number;
  /** Unset: email goes to the built-in Dev mailbox. */
  smtpUrl?: string;
  smtpFrom: string;
  slackOrigin: string;
};

type Loaded = NonNullable<Awaited<ReturnType<typeof loadDelivery>>>;
type AttemptRecord = {
  outcome: SendResult["outcome"];
  statusCode?: number;
  response?: string;
  error?: string;
  retryAfterMs?: number;
  startedAt: Date;
  durationMs: number;
  /** A render that failed was still an attempt: its alert stays counted against the quota. */
  keepsQuota?: boolean;
};

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
          webhook: { select: { id: true, name: true, environment: true } },
        },
      },
    },
  });
}

/**
 * One claimed delivery: quota, render, pace, send, and record the attempt. Nothing is sent inside a
 * transaction, and every write that settles the delivery is fenced by the claim's lease token: a worker
 * whose lease ran out (and whose row another worker took over) changes nothing.
 */
export async function processDelivery(deps: DeliveryDeps, claim: Claim): Promise<void> {
  const { db } = deps;
  const delivery = await loadDelivery(db, claim.id);
  if (!delivery || delivery.leaseToken !== claim.token) return;
  const fence = { id: delivery.id, leaseToken: claim.token, status: "sending" };
  let attempts = await db.deliveryAttempt.count({ where: { deliveryId: delivery.id } });
  let cycle = delivery.attemptCount;

  if (claim.lostSince) {
    attempts += 1;
    cycle += 1;
    const now = deps.now();
    const error = "The worker sending this alert stopped before it finished (its lease expired); sending again.";
    const lost = { outcome: "retry" as const, error, startedAt: claim.lostSince, durationMs: 0 };
    if (cycle >= MAX_ATTEMPTS) {
      return settle(deps, delivery, fence, attempts, cycle, { ...lost, outcome: "failed", error: `Gave up: ${error}` });
    }
    await db.$transaction(async (tx) => {
      const { count } = await tx.delivery.updateMany({ where: fence, data: { attemptCount: cycle } });
      if (count === 1) await tx.deliveryAttempt.create({ data: attemptRow(delivery.id, attempts, lost, now) });
    });
  }

  if (!delivery.channel.isEnabled) {
    return finishWithoutSending(
      deps,
      delivery,
      fence,
      "skipped",
      "Skipped: the channel was turned off before this alert was sent.",
    );
  }
  if (!delivery.usageMonth) {
    const month = usageMonth(deps.now());
    if (!(await reserveQuota(db, delivery.projectId, delivery.kind as ChannelKind, month))) {
      return finishWithoutSending(
        deps,
        { ...delivery, usageMonth: null },
        fence,
        "skipped",
        `Skipped (quota): this project has used all its ${delivery.kind} alerts for ${month}.`,
      );
    }
    const { count } = await db.delivery.updateMany({ where: fence, data: { usageMonth: month } });
    if (count === 0) return releaseQuota(db, delivery.projectId, delivery.kind, month);
    delivery.usageMonth = month;
  }

  let send: () => Promise<SendResult>;
  const renderedAt = deps.now();
  try {
    send = await prepareSend(deps, delivery);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // An attempt like any send: it keeps its quota unit, or a failing template would render for free.
    return settle(deps, delivery, fence, attempts + 1, cycle + 1, {
      outcome: "failed",
      error: `The template could not be rendered: ${detail}`,
      startedAt: renderedAt,
      durationMs: deps.now().getTime() - renderedAt.getTime(),
      keepsQuota: true,
    });
  }

  // Paced by the URL itself (not its ciphertext, which differs per save): channels sharing a URL share a pace.
  const slackUrl =
    delivery.kind === "slack" && delivery.channel.slackUrl
      ? open(delivery.channel.slackUrl, slackUrlField(delivery.channel.id))
      : null;
  const slackKey = slackUrl ? pacingKey("slack", slackUrl) : null;
  const hasReservedSlot =
    slackKey !== null &&
    delivery.pacedSlotAt !== null &&
    delivery.pacedSlotAt <= deps.now() &&
    !(await isHeld(db, slackKey, deps.now()));
  if (slackKey && !hasReservedSlot) {
    const slot = await reserveSendSlot(db, slackKey, deps.now());
    if (slot > deps.now()) {
      // Not an attempt: the message waits for its own slot behind others to the same Slack URL.
      await db.delivery.updateMany({
        where: fence,
        data: { status: cycle > 0 ? "retrying" : "pending", nextAttemptAt: slot, pacedSlotAt: slot, leaseToken: null },
      });
      return;
    }
  }

  const startedAt = deps.now();
  const heartbeat = keepLease(deps, fence);
  let result: SendResult;
  try {
    result = await send();
  } catch (error) {
    logUnexpected(`delivery ${delivery.id}`, error);
    result = { outcome: "retry", error: "Unexpected error while sending; will retry." };
  } finally {
    clearInterval(heartbeat);
  }
  if (slackKey && result.outcome === "retry" && result.retryAfterMs !== undefined) {
    await holdSendSlots(db, slackKey, new Date(deps.now().getTime() + result.retryAfterMs));
  }
  const durationMs = deps.now().getTime() - startedAt.getTime();
  await settle(deps, delivery, fence, attempts + 1, cycle + 1, { ...result, startedAt, durationMs });
}

/** Renews the claim while a send is in progress, so a slow but live send is never taken over. */
function keepLease(deps: DeliveryDeps, fence: { id: string; leaseToken: string; status: string }) {
  return setInterval(
    () => {
      deps.db.delivery
        .updateMany({ where: fence, data: { nextAttemptAt: new Date(deps.now().getTime() + deps.leaseMs) } })
        .catch((error) => logUnexpected("lease renewal", error));
    },
    Math.max(500, Math.floor(deps.leaseMs / 3)),
  );
}

/** Renders the alert on the render pool (its body parsed there too); throws when it cannot be rendered. */
async function prepareSend(deps: DeliveryDeps, delivery: Loaded): Promise<() => Promise<SendResult>> {
  const { channel, event } = delivery;
  const context: JobContext = {
    ...templateFacts({
      eventId: event.id,
      eventType: event.eventType,
      receivedAt: event.receivedAt,
      webhook: event.webhook,
    }),
    body: event.body,
  };
  if (delivery.kind === "slack") {
    if (!channel.slackUrl) throw new Error("the channel has no Slack URL; save one in its settings.");
    const template = await loadTemplateFor(deps.db, channel, event.eventType);
    const { problems, slack } = await renderInPool(delivery.projectId, {
      op: "render",
      kind: "slack",
      template,
      context,
    });
    if (!slack) throw new Error(problems.map(describeTemplateProblem).join("; "));
    const url = open(channel.slackUrl, slackUrlField(channel.id));
    return () => sendSlack(url, slack, deps.slackOrigin);
  }
  const recipients = JSON.parse(channel.recipients ?? "[]") as string[];
  const template = await loadTemplateFor(deps.db, channel, event.eventType);
  const rendered = await renderInPool(delivery.projectId, { op: "render", kind: "email", template, context });
  const email = rendered.email;
  if (!email) throw new Error(rendered.problems.map(describeTemplateProblem).join("; "));
  const smtpUrl = deps.smtpUrl;
  if (smtpUrl) return () => sendEmail(smtpUrl, deps.smtpFrom, recipients, email);
  return async () => {
    await deps.db.mailboxMessage.create({
      data: {
        id: newTimeOrderedId("msg", deps.now().getTime()),
        projectId: delivery.projectId,
        deliveryId: delivery.id,
        recipients: JSON.stringify(recipients),
        createdAt: deps.now(),
        ...email,
      },
    });
    return { outcome: "sent", response: "Stored in the Dev mailbox (no SMTP server is configured)." };
  };
}

function attemptRow(deliveryId: string, number: number, record: AttemptRecord, now: Date) {
  return {
    id: newTimeOrderedId("att", now.getTime()),
    deliveryId,
    number,
    startedAt: record.startedAt,
    durationMs: record.durationMs,
    outcome: record.outcome,
    statusCode: record.statusCode ?? null,
    response: record.outcome === "sent" ? (record.response ?? null) : null,
    error: record.outcome === "sent" ? null : (record.error ?? null),
  };
}

/**
 * Records an attempt and the delivery's next state in one transaction, only while this worker still holds
 * the lease. A send that failed for good gives its alert back to the quota (nobody was alerted); a render
 * that failed keeps it (the render was the work the quota meters).
 */
async function settle(
  deps: DeliveryDeps,
  delivery: Loaded,
  fence: { id: string; leaseToken: string; status: string },
  number: number,
  cycle: number,
  record: AttemptRecord,
): Promise<void> {
  const now = deps.now();
  const retryDelay = record.outcome === "retry" ? nextRetryDelay(cycle, record.retryAfterMs) : null;
  const error = record.outcome === "sent" ? null : (record.error ?? null);
  const status = record.outcome === "sent" ? "sent" : retryDelay === null ? "failed" : "retrying";
  const statusReason =
    status === "failed" && record.outcome === "retry" ? `Gave up after ${cycle} attempts. ${error}` : error;
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.delivery.updateMany({
      where: fence,
      data: {
        status,
        statusReason,
        attemptCount: cycle,
        leaseToken: null,
        pacedSlotAt: null,
        nextAttemptAt: retryDelay === null ? null : new Date(now.getTime() + retryDelay),
        completedAt: status === "retrying" ? null : now,
        ...(status === "failed" && !record.keepsQuota ? { usageMonth: null } : {}),
      },
    });
    if (count === 0) return;
    await tx.deliveryAttempt.create({ data: attemptRow(delivery.id, number, record, now) });
    if (status === "failed" && !record.keepsQuota && delivery.usageMonth) {
      await releaseQuota(tx as unknown as Db, delivery.projectId, delivery.kind, delivery.usageMonth);
    }
  });
}

async function finishWithoutSending(
  deps: DeliveryDeps,
  delivery: Loaded,
  fence: { id: string; leaseToken: string; status: string },
  status: "skipped",
  statusReason: string,
): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.delivery.updateMany({
      where: fence,
      data: {
        status,
        statusReason,
        nextAttemptAt: null,
        leaseToken: null,
        pacedSlotAt: null,
        completedAt: deps.now(),
        usageMonth: null,
      },
    });
    if (count === 1 && delivery.usageMonth) {
      await releaseQuota(tx as unknown as Db, delivery.projectId, delivery.kind, delivery.usageMonth);
    }
  });
}
