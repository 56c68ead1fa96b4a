import type { Db } from "../db/client";
import { getEnv } from "../env";
import { newEventId } from "../ids";

export const REJECTED_BODY_BYTES = 4096;

export type LoggedRequest = {
  webhook: { id: string; projectId: string };
  outcome: "duplicate" | "rejected";
  httpStatus: number;
  reasonCode: string;
  reasonMessage: string;
  svixId?: string;
  eventType?: string;
  headers: Record<string, string>;
  bodyHead: Buffer;
  bodySize: number;
  sourceIp?: string;
  receivedAt: Date;
};

/**
 * Logs a request that produced no event: its headers and at most the first 4 KiB of its body. Each
 * webhook keeps only the newest HOOKBELL_REJECTED_LOG_LIMIT such rows per outcome, so a flood of junk
 * cannot fill the disk.
 */
export async function recordRequest(db: Db, request: LoggedRequest): Promise<void> {
  const head = request.bodyHead.subarray(0, REJECTED_BODY_BYTES);
  await db.event.create({
    data: {
      id: newEventId(request.receivedAt.getTime()),
      projectId: request.webhook.projectId,
      webhookId: request.webhook.id,
      receivedAt: request.receivedAt,
      outcome: request.outcome,
      httpStatus: request.httpStatus,
      reasonCode: request.reasonCode,
      svixId: request.svixId === undefined ? undefined : storableText(request.svixId.slice(0, 200)),
      eventType: request.eventType === undefined ? undefined : storableText(request.eventType.slice(0, 200)),
      reasonMessage: storableText(request.reasonMessage),
      headers: JSON.stringify(request.headers),
      body: storableText(head.toString("utf8")),
      bodySize: request.bodySize,
      bodyTruncated: request.bodySize > head.length,
      sourceIp: request.sourceIp === undefined ? undefined : storableText(request.sourceIp),
    },
  });
  await trimLoggedRequests(db, request.webhook.id, request.outcome, getEnv().HOOKBELL_REJECTED_LOG_LIMIT);
}

/**
 * PostgreSQL refuses U+0000 in text columns (SQLite keeps it): text taken from a request is stored with
 * U+FFFD in its place, so a NUL byte cannot make a request unstorable.
 */
export function storableText(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "\uFFFD") : text;
}

export async function trimLoggedRequests(db: Db, webhookId: string, outcome: string, keep: number): Promise<void> {
  const where = { webhookId, outcome };
  const oldestKept = await db.event.findFirst({ where, orderBy: { id: "desc" }, skip: keep - 1, select: { id: true } });
  if (oldestKept) await db.event.deleteMany({ where: { ...where, id: { lt: oldestKept.id } } });
}
