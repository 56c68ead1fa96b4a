import type { AnyChannelKind, ChannelSettings } from "../channels/kinds/channel-kind";
import { channelKindFor } from "../channels/kinds/channel-kinds";
import type { SendResult } from "../channels/kinds/send-result";
import { loadTemplateFor } from "../channels/template-for";
import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import type { JobContext } from "../templates/run-render-job";
import type { Claim } from "./claim-deliveries";
import { keepLease } from "./keep-lease";
import { type LoadedDelivery, loadDelivery } from "./load-delivery";
import { MAX_ATTEMPTS } from "./retry-schedule";
import { holdSendSlots, isHeld, pacingKey, reserveSendSlot } from "./send-pacing";
import { attemptRow, type Fence, settleDelivery } from "./settle-delivery";
import { type Settlement, settlementFor } from "./settlement";
import { templateFacts } from "./template-context";
import { releaseQuota, reserveQuota as takeQuotaUnit, usageMonth } from "./usage-quota";

export type DeliveryDeps = ChannelSettings & {
  db: Db;
  now: () => Date;
  /** How long a claim lasts; renewed while a send is in progress. */
  leaseMs: number;
};

/** What every stage reads: the claimed delivery, its lease fence, and how far its attempts have come. */
type DeliveryBase = {
  deps: DeliveryDeps;
  delivery: LoadedDelivery;
  fence: Fence;
  /** Attempt rows so far, over the delivery's whole history. */
  attempts: number;
  /** Attempts in the current retry cycle (Retry now and replays start a new one). */
  cycle: number;
  /** The month whose quota unit the delivery holds, once reserved. */
  usageMonth: string | null;
};

/**
 * One delivery's run through the pipeline, shared by its stages and then by settleDelivery. The stages
 * move it on: a lost lease counts an attempt, a reserved quota unit sets usageMonth.
 */
type DeliveryContext = DeliveryBase & { channelKind: AnyChannelKind };

/** The alert ready to go: the channel's config, checked, and the message rendered from it. */
type Prepared = { kind: "prepared"; config: unknown; rendered: unknown; paceKey: string | null };

/**
 * One claimed delivery: reserve quota, render, wait for the pacing slot, send, settle. Nothing is sent
 * inside a transaction, and the settlement is written fenced by the claim's lease token.
 */
export async function processDelivery(deps: DeliveryDeps, claim: Claim): Promise<void> {
  const delivery = await loadDelivery(deps.db, claim.id);
  if (!delivery || delivery.leaseToken !== claim.token) return;
  const base: DeliveryBase = {
    deps,
    delivery,
    fence: { id: delivery.id, leaseToken: claim.token, status: "sending" },
    attempts: await deps.db.deliveryAttempt.count({ where: { deliveryId: delivery.id } }),
    cycle: delivery.attemptCount,
    usageMonth: delivery.usageMonth,
  };
  const channelKind = channelKindFor(delivery.kind);
  if (!channelKind) return settleDelivery(base, unknownKind(base));
  const ctx: DeliveryContext = { ...base, channelKind };
  await settleDelivery(ctx, await runStages(ctx, claim));
}

async function runStages(ctx: DeliveryContext, claim: Claim): Promise<Settlement> {
  if (claim.lostSince) {
    const gaveUp = await recordLostLease(ctx, claim.lostSince);
    if (gaveUp) return gaveUp;
  }
  if (!ctx.delivery.channel.isEnabled) {
    return { kind: "skipped", reason: "Skipped: the channel was turned off before this alert was sent." };
  }
  const quota = await reserveQuota(ctx);
  if (quota) return quota;
  const prepared = await render(ctx);
  if (prepared.kind !== "prepared") return prepared;
  const slot = await waitForPacingSlot(ctx, prepared);
  if (slot) return slot;
  return send(ctx, prepared);
}

/** A kind written by a newer Hookbell (during a rolling upgrade): failed, so Retry now can send it later. */
function unknownKind(base: DeliveryBase): Settlement {
  const reason = `This version of Hookbell cannot send ${base.delivery.kind} alerts; upgrade every worker, then retry.`;
  return failedAttempt(base, base.deps.now(), reason, false);
}

/**
 * The worker that had this delivery stopped mid-send (its lease ran out): that counts as an attempt, so a
 * delivery that keeps killing workers is given up on like one that keeps failing.
 */
async function recordLostLease(ctx: DeliveryContext, lostSince: Date): Promise<Settlement | null> {
  ctx.attempts += 1;
  ctx.cycle += 1;
  const error = "The worker sending this alert stopped before it finished (its lease expired); sending again.";
  const attempt = { number: ctx.attempts, cycle: ctx.cycle, startedAt: lostSince, durationMs: 0 };
  if (ctx.cycle >= MAX_ATTEMPTS) {
    const reason = `Gave up: ${error}`;
    return { kind: "failed", reason, attempt: { ...attempt, outcome: "failed", error: reason }, keepsQuota: false };
  }
  const { db, now } = ctx.deps;
  await db.$transaction(async (tx) => {
    const { count } = await tx.delivery.updateMany({ where: ctx.fence, data: { attemptCount: ctx.cycle } });
    if (count === 1) {
      await tx.deliveryAttempt.create({
        data: attemptRow(ctx.delivery.id, { ...attempt, outcome: "retry", error }, now()),
      });
    }
  });
  return null;
}

/** Takes this delivery's unit of the project's monthly quota, once per delivery (a retry keeps it). */
async function reserveQuota(ctx: DeliveryContext): Promise<Settlement | null> {
  if (ctx.usageMonth) return null;
  const { db, now } = ctx.deps;
  const { projectId, kind } = ctx.delivery;
  const month = usageMonth(now());
  if (!(await takeQuotaUnit(db, projectId, ctx.channelKind.kind, month))) {
    return { kind: "skipped", reason: `Skipped (quota): this project has used all its ${kind} alerts for ${month}.` };
  }
  const { count } = await db.delivery.updateMany({ where: ctx.fence, data: { usageMonth: month } });
  if (count === 0) {
    await releaseQuota(db, projectId, kind, month);
    return { kind: "superseded" };
  }
  ctx.usageMonth = month;
  return null;
}

/** Checks the channel's config and renders the alert on the render pool (its body parsed there too). */
async function render(ctx: DeliveryContext): Promise<Prepared | Settlement> {
  const { channelKind, delivery, deps } = ctx;
  const { channel, event } = delivery;
  const startedAt = deps.now();
  const config = checkConfig(ctx);
  if (!config.ok) return failedAttempt(ctx, startedAt, `The channel cannot send: ${config.problem}`, false);
  const context: JobContext = {
    ...templateFacts({
      eventId: event.id,
      eventType: event.eventType,
      receivedAt: event.receivedAt,
      webhook: event.webhook,
    }),
    body: event.body,
  };
  let rendered: unknown;
  try {
    // One lookup for every kind: the channel's template for this event type (its override, its
    // default, else the type's preset).
    const template = await loadTemplateFor(deps.db, channel, event.eventType, event.webhook.provider);
    rendered = await channelKind.render(delivery.projectId, template, context);
  } catch (error) {
    // An attempt like any send: it keeps its quota unit, or a failing template would render for free.
    return failedAttempt(ctx, startedAt, `The template could not be rendered: ${describe(error)}`, true);
  }
  const { pacing } = channelKind;
  const paceKey = pacing ? pacingKey(channelKind.kind, pacing.destination(config.value)) : null;
  return { kind: "prepared", config: config.value, rendered, paceKey };
}

function checkConfig({
  channelKind,
  delivery,
}: DeliveryContext): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    const parsed = channelKind.configSchema.safeParse(channelKind.readConfig(delivery.channel));
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, problem: parsed.error.issues.map((issue) => issue.message).join("; ") };
  } catch (error) {
    // A sealed secret that cannot be opened (its key is gone from the key ring).
    return { ok: false, problem: describe(error) };
  }
}

/**
 * Destinations with a pace (Slack: one message a second per URL) hand out send slots; a delivery whose
 * slot lies ahead waits for it instead of sending now. A slot reserved earlier is used, unless a 429 has
 * held the destination since.
 */
async function waitForPacingSlot(ctx: DeliveryContext, prepared: Prepared): Promise<Settlement | null> {
  const key = prepared.paceKey;
  const pacing = ctx.channelKind.pacing;
  if (!key || !pacing) return null;
  const { db, now } = ctx.deps;
  const reserved = ctx.delivery.pacedSlotAt;
  if (reserved !== null && reserved <= now() && !(await isHeld(db, key, now()))) return null;
  const interval = pacing.intervalFor?.(prepared.config) ?? pacing.intervalMs;
  const slot = await reserveSendSlot(db, key, now(), interval);
  return slot > now() ? { kind: "deferred", until: slot } : null;
}

/** Sends while renewing the lease, then reads the answer as the delivery's next state. */
async function send(ctx: DeliveryContext, prepared: Prepared): Promise<Settlement> {
  const { deps, delivery, channelKind } = ctx;
  const startedAt = deps.now();
  const heartbeat = keepLease(deps, ctx.fence);
  let result: SendResult;
  try {
    const answer = await channelKind.send(prepared.rendered, prepared.config, {
      ...deps,
      projectId: delivery.projectId,
      deliveryId: delivery.id,
    });
    result = channelKind.classify(answer);
  } catch (error) {
    logUnexpected(`delivery ${delivery.id}`, error);
    result = { outcome: "retry", error: "Unexpected error while sending; will retry." };
  } finally {
    clearInterval(heartbeat);
  }
  // A 429's Retry-After, or a success that empties the destination's bucket, holds every send to it.
  const holdMs =
    result.outcome === "retry" ? result.retryAfterMs : result.outcome === "sent" ? result.pauseMs : undefined;
  if (prepared.paceKey && holdMs !== undefined && holdMs > 0) {
    await holdSendSlots(deps.db, prepared.paceKey, new Date(deps.now().getTime() + holdMs));
  }
  const attempt = {
    number: ctx.attempts + 1,
    cycle: ctx.cycle + 1,
    startedAt,
    durationMs: deps.now().getTime() - startedAt.getTime(),
  };
  return settlementFor(result, attempt, deps.now());
}

function failedAttempt(ctx: DeliveryBase, startedAt: Date, reason: string, keepsQuota: boolean): Settlement {
  const attempt = {
    number: ctx.attempts + 1,
    cycle: ctx.cycle + 1,
    outcome: "failed" as const,
    error: reason,
    startedAt,
    durationMs: ctx.deps.now().getTime() - startedAt.getTime(),
  };
  return { kind: "failed", reason, attempt, keepsQuota };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
