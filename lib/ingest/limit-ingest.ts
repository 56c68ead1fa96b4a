import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import { formatCount } from "../format/format-count";
import { limiters } from "../rate-limit/limits";
import { configuredSecretHeaders } from "../senders/secret-headers";
import type { IngestOutput, RequestHeaders } from "./ingest-request";
import { recordRequest } from "./record-request";
import { recordedHeaders } from "./recorded-headers";

const LOG_EVERY_MS = 10_000;
const MAX_TRACKED = 10_000;
const refusals = new Map<string, { loggedAt: number; unlogged: number }>();

/**
 * The ingest rate limits, checked before any work: per source address and per webhook. Over the limit
 * the answer is 429 with Retry-After (Svix and Clerk retry later, so nothing is lost). A flood is logged
 * in bounded form: at most one log row per webhook every 10 s, counting the refusals since the last one.
 */
export async function limitIngest(
  db: Db,
  request: { webhookId: string; sourceIp?: string; headers: RequestHeaders; now?: Date },
): Promise<IngestOutput | null> {
  const now = request.now ?? new Date();
  const { ingestPerIp, ingestPerWebhook } = limiters();
  const byIp = request.sourceIp ? ingestPerIp.take(request.sourceIp, now.getTime()) : { ok: true as const };
  const decision = byIp.ok ? ingestPerWebhook.take(request.webhookId.slice(0, 40), now.getTime()) : byIp;
  if (decision.ok) return null;

  await logRefusal(db, request, now).catch((error) => logUnexpected("rate-limit log", error));
  return {
    status: 429,
    body: { error: { code: "rate_limited", message: "Too many requests for this webhook; retry later." } },
    headers: { "Retry-After": String(decision.retryAfterSeconds) },
  };
}

async function logRefusal(
  db: Db,
  request: { webhookId: string; sourceIp?: string; headers: RequestHeaders },
  now: Date,
) {
  const key = request.webhookId.slice(0, 40);
  const state = refusals.get(key) ?? { loggedAt: 0, unlogged: 0 };
  state.unlogged += 1;
  refusals.delete(key); // re-inserted last: the map's order is least recently refused first
  refusals.set(key, state);
  if (refusals.size > MAX_TRACKED) refusals.delete(refusals.keys().next().value as string);
  if (now.getTime() - state.loggedAt < LOG_EVERY_MS) return;
  // Marked before the lookup: a flood to unknown ids costs one lookup per id per 10 s, not one per request.
  state.loggedAt = now.getTime();
  const webhook = await db.webhook.findUnique({
    where: { id: key },
    select: { id: true, projectId: true, provider: true, senderConfig: true },
  });
  if (!webhook) return;
  const count = state.unlogged;
  state.unlogged = 0;
  await recordRequest(db, {
    webhook,
    outcome: "rejected",
    httpStatus: 429,
    reasonCode: "rate_limited",
    reasonMessage: `${formatCount(count, "request")} over the rate limit ${count === 1 ? "was" : "were"} refused with 429 since the last note (source ${request.sourceIp ?? "unknown"}).`,
    headers: recordedHeaders(request.headers, configuredSecretHeaders(webhook.provider, webhook.senderConfig)),
    bodyHead: Buffer.alloc(0),
    bodySize: 0,
    sourceIp: request.sourceIp,
    receivedAt: now,
  });
}
