import { webhookSecretField } from "../crypto/sealed-fields";
import { open, openNullable } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/client";
import { planDeliveries } from "../delivery/plan-deliveries";
import { wakeWorkers } from "../delivery/wake-workers";
import { logUnexpected } from "../errors";
import { newEventId } from "../ids";
import { readCappedBody } from "./read-capped-body";
import { type LoggedRequest, recordRequest } from "./record-request";
import { recordedHeaders } from "./recorded-headers";
import { readSignatureHeaders } from "./signature-headers";
import { verifySignature } from "./verify-signature";

// The framework-free ingest core: (webhookId, method, headers, raw body) → HTTP answer.
// Route handlers and any faster front end are thin adapters over this function.

export type IngestInput = {
  webhookId: string;
  method: string;
  headers: Headers;
  body: AsyncIterable<Uint8Array> | null;
  sourceIp?: string;
  now?: Date;
};

export type IngestOutput = {
  status: number;
  body: { received: true; duplicate?: true } | { error: { code: string; message: string } };
  headers?: Record<string, string>;
};

const MAX_TYPE_LENGTH = 200;

/**
 * Never answers 2xx without the event stored: when the database fails, the answer is 503 so the
 * sender (Svix retries for days) tries again later.
 */
export async function ingestRequest(db: Db, input: IngestInput): Promise<IngestOutput> {
  try {
    return await handleIngest(db, input);
  } catch (err) {
    logUnexpected(`ingest for ${input.webhookId.slice(0, 40)} failed`, err);
    return {
      ...error(503, "storage_unavailable", "Hookbell could not store this request right now; retry later."),
      headers: { "Retry-After": "5" },
    };
  }
}

async function handleIngest(db: Db, input: IngestInput): Promise<IngestOutput> {
  const receivedAt = input.now ?? new Date();
  if (input.method !== "POST") {
    return { ...error(405, "method_not_allowed", "Send webhook events with POST."), headers: { Allow: "POST" } };
  }
  const webhook = await findWebhook(db, input.webhookId);
  if (!webhook) return webhookNotFound();

  const headers = recordedHeaders(input.headers);
  const reject = async (status: number, code: string, message: string, extra: Partial<LoggedRequest> = {}) => {
    await recordRequest(db, {
      webhook,
      outcome: "rejected",
      httpStatus: status,
      reasonCode: code,
      reasonMessage: message,
      headers,
      bodyHead: Buffer.alloc(0),
      bodySize: 0,
      // Kept even when unverified: it lets a user match a rejection to the attempt in Clerk's dashboard.
      svixId: input.headers.get("svix-id")?.trim() || input.headers.get("webhook-id")?.trim() || undefined,
      sourceIp: input.sourceIp,
      receivedAt,
      ...extra,
    });
    return error(status, code, message);
  };

  const body = await readCappedBody(input.body, input.headers.get("content-length"));
  if (!body.ok) {
    return reject(413, "payload_too_large", `The body is ${body.size} bytes or more; the limit is 256 KiB.`, {
      bodyHead: body.head,
      bodySize: body.size,
    });
  }
  const withBody = { bodyHead: body.bytes, bodySize: body.bytes.length };

  if (!webhook.isActive || !webhook.signingSecret) {
    return reject(
      409,
      "webhook_inactive",
      "This webhook is inactive. Activate it in the Hookbell dashboard.",
      withBody,
    );
  }
  const signature = readSignatureHeaders(input.headers);
  if ("code" in signature) return reject(400, signature.code, signature.message, withBody);

  const text = body.bytes.toString("utf8");
  const verified = verifySignature(
    text,
    signature,
    {
      current: open(webhook.signingSecret, webhookSecretField(webhook.id, "signingSecret")),
      previous: openNullable(webhook.previousSigningSecret, webhookSecretField(webhook.id, "previousSigningSecret")),
      previousExpiresAt: webhook.previousSecretExpiresAt,
    },
    receivedAt,
  );
  const withId = { ...withBody, svixId: signature.id };
  if (!verified.ok) {
    return reject(verified.status, verified.code, verified.message, {
      ...withId,
      reasonMessage: verified.logMessage ?? verified.message,
    });
  }
  if (!isJsonObject(verified.payload) || !isUtf8(body.bytes)) {
    return reject(400, "invalid_payload", "The body is signed correctly but is not a JSON object.", withId);
  }

  const eventType = stringField(verified.payload.type);
  const stored = await storeAcceptedEvent(db, {
    id: newEventId(receivedAt.getTime()),
    projectId: webhook.projectId,
    webhookId: webhook.id,
    receivedAt,
    outcome: "accepted",
    httpStatus: 200,
    svixId: signature.id,
    dedupeKey: signature.id,
    eventType,
    eventObject: stringField(verified.payload.object),
    secretSlot: verified.slot,
    headers: JSON.stringify(headers),
    body: text,
    bodySize: body.bytes.length,
    sourceIp: input.sourceIp,
  });
  if (stored === "gone") return webhookNotFound();
  if (stored === "duplicate") {
    await recordRequest(db, {
      webhook,
      outcome: "duplicate",
      httpStatus: 200,
      reasonCode: "duplicate_svix_id",
      reasonMessage: `An event with id ${signature.id} was already received; nothing new was stored.`,
      eventType,
      headers,
      sourceIp: input.sourceIp,
      receivedAt,
      ...withId,
    });
    return { status: 200, body: { received: true, duplicate: true } };
  }
  return { status: 200, body: { received: true } };
}

type AcceptedEvent = Parameters<Db["event"]["create"]>[0]["data"] & {
  id: string;
  projectId: string;
  webhookId: string;
  dedupeKey: string;
};

/** The event row and the webhook's counters commit together; a repeated svix-id stores nothing. */
async function storeAcceptedEvent(db: Db, event: AcceptedEvent): Promise<"stored" | "duplicate" | "gone"> {
  const key = { webhookId: event.webhookId, dedupeKey: event.dedupeKey };
  try {
    // Writing first checks the svix-id and takes SQLite's write lock in one statement: a duplicate never
    // aborts the transaction, and a busy database is waited out (a read-then-write upgrade fails at once).
    const stored = await db.$transaction(async (tx) => {
      const { count } = await tx.webhook.updateMany({
        where: { id: event.webhookId, events: { none: { dedupeKey: event.dedupeKey } } },
        data: { eventCount: { increment: 1 }, lastEventAt: event.receivedAt },
      });
      if (count === 0) return false;
      await tx.event.create({ data: event });
      // The transactional outbox: the alerts to send commit with the event or not at all.
      const channels = await tx.channel.findMany({
        where: { webhookId: event.webhookId, isEnabled: true },
        select: { id: true, kind: true, eventTypes: true },
      });
      const deliveries = planDeliveries(
        { id: event.id, projectId: event.projectId, webhookId: event.webhookId, eventType: event.eventType ?? null },
        channels,
        event.receivedAt instanceof Date ? event.receivedAt : new Date(event.receivedAt),
      );
      if (deliveries.length > 0) await tx.delivery.createMany({ data: deliveries });
      return deliveries.some((delivery) => delivery.status === "pending") ? "queued" : "stored";
    });
    if (stored === "queued") wakeWorkers();
    if (stored) return "stored";
  } catch (err) {
    // Two concurrent deliveries of one svix-id (PostgreSQL): the unique index lets exactly one commit.
    if (!isUniqueViolation(err)) throw err;
  }
  const { count } = await db.event.updateMany({
    where: { ...key, outcome: "accepted" },
    data: { duplicateCount: { increment: 1 } },
  });
  // No original either: the webhook was deleted since it was looked up, so nothing was stored.
  return count > 0 ? "duplicate" : "gone";
}

function findWebhook(db: Db, webhookId: string) {
  if (!/^wh_[0-9A-Za-z]{24}$/.test(webhookId)) return null;
  return db.webhook.findUnique({
    where: { id: webhookId },
    select: {
      id: true,
      projectId: true,
      isActive: true,
      signingSecret: true,
      previousSigningSecret: true,
      previousSecretExpiresAt: true,
    },
  });
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function stringField(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value.slice(0, MAX_TYPE_LENGTH) : undefined;
}

function webhookNotFound(): IngestOutput {
  return error(
    404,
    "webhook_not_found",
    "No webhook has this URL. Copy the Webhook URL again from the Hookbell dashboard.",
  );
}

function error(status: number, code: string, message: string): IngestOutput {
  return { status, body: { error: { code, message } } };
}
