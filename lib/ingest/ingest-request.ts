import { isUtf8 } from "node:buffer";
import { openRemembered } from "../crypto/open-remembered";
import { webhookSecretField } from "../crypto/sealed-fields";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { logUnexpected } from "../errors";
import { newEventId } from "../ids";
import { createLogger } from "../logging/create-logger";
import { INVALID_SETTINGS, readSenderConfig } from "../senders/read-sender-config";
import { configuredSecretHeaders } from "../senders/secret-headers";
import type { Identity, SecretSlot } from "../senders/sender";
import { findSender } from "../senders/senders";
import { verifyRequest } from "../senders/verify-request";
import { bodyKey, releaseStaleBodyKey } from "./body-key";
import { type IngestStore, type IngestWebhook, ingestStoreFor } from "./ingest-store";
import { readCappedBody } from "./read-capped-body";
import { type LoggedRequest, recordRequest, storableText } from "./record-request";
import { recordedHeaders } from "./recorded-headers";
import { findIngestWebhook, forgetIngestWebhook, refreshIngestWebhook } from "./webhook-cache";

// The framework-free ingest core: (webhookId, method, headers, raw body) → HTTP answer.
// Route handlers and any faster front end are thin adapters over this function.

/** Request headers as both the Fetch API's Headers and a node:http adapter provide them. */
export type RequestHeaders = {
  get(name: string): string | null;
  forEach(fn: (value: string, key: string) => void): void;
};

export type IngestInput = {
  webhookId: string;
  method: string;
  headers: RequestHeaders;
  body: AsyncIterable<Uint8Array> | null;
  sourceIp?: string;
  now?: Date;
  /** Epoch ms by which the whole body must have arrived (HOOKBELL_BODY_TIMEOUT_SECONDS); none: no limit. */
  bodyDeadline?: number;
};

export type IngestOutput = {
  status: number;
  body: { received: true; duplicate?: true } | { error: { code: string; message: string } };
  headers?: Record<string, string>;
};

const OVERLOAD_NOTE_EVERY_MS = 10_000;
const overload = { inFlight: 0, refused: 0, notedAt: 0 };
const log = createLogger("ingest");

/**
 * Never answers 2xx without the event stored: when the database fails, the answer is 503 so the
 * sender (Svix retries for days) tries again later. The same when this process already works on
 * HOOKBELL_INGEST_MAX_IN_FLIGHT requests: a burst waits at the sender, not in memory here.
 */
export async function ingestRequest(
  db: Db,
  input: IngestInput,
  store: IngestStore = ingestStoreFor(db),
): Promise<IngestOutput> {
  const limit = getEnv().HOOKBELL_INGEST_MAX_IN_FLIGHT;
  if (overload.inFlight >= limit) return refuseOverloaded(limit);
  overload.inFlight += 1;
  try {
    return await handleIngest(db, store, input);
  } catch (err) {
    logUnexpected(`ingest for ${input.webhookId.slice(0, 40)} failed`, err);
    return {
      ...error(503, "storage_unavailable", "Hookbell could not store this request right now; retry later."),
      headers: { "Retry-After": "5" },
    };
  } finally {
    overload.inFlight -= 1;
  }
}

/** Not logged per request (a flood must not become a flood of writes): a count every 10 s. */
function refuseOverloaded(limit: number): IngestOutput {
  overload.refused += 1;
  const now = Date.now();
  if (now - overload.notedAt >= OVERLOAD_NOTE_EVERY_MS) {
    log.warn(
      `ingest overloaded: refused ${overload.refused} request(s) with 503 (${limit} already in progress; HOOKBELL_INGEST_MAX_IN_FLIGHT).`,
    );
    overload.refused = 0;
    overload.notedAt = now;
  }
  return {
    ...error(503, "overloaded", "Hookbell is taking in more requests than it can store right now; retry later."),
    headers: { "Retry-After": "5" },
  };
}

async function handleIngest(db: Db, store: IngestStore, input: IngestInput): Promise<IngestOutput> {
  const receivedAt = input.now ?? new Date();
  if (input.method !== "POST") {
    return { ...error(405, "method_not_allowed", "Send webhook events with POST."), headers: { Allow: "POST" } };
  }
  const found = await findIngestWebhook(store, input.webhookId, receivedAt);
  if (!found) return webhookNotFound();
  let webhook = found.webhook;

  const headers = recordedHeaders(input.headers, configuredSecretHeaders(webhook.provider, webhook.senderConfig));
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

  const body = await readCappedBody(input.body, input.headers.get("content-length"), undefined, input.bodyDeadline);
  if (!body.ok && body.reason === "aborted") {
    // Nobody is left to read an answer, and nothing was sent that could be checked: not an error of ours.
    return error(400, "request_aborted", "The connection closed before the whole body arrived.");
  }
  if (!body.ok && body.reason === "timed_out") {
    const seconds = getEnv().HOOKBELL_BODY_TIMEOUT_SECONDS;
    return reject(408, "request_timeout", `The body did not arrive within ${seconds} s (${body.size} bytes came).`, {
      bodyHead: body.head,
      bodySize: body.size,
    });
  }
  if (!body.ok) {
    return reject(413, "payload_too_large", `The body is ${body.size} bytes or more; the limit is 256 KiB.`, {
      bodyHead: body.head,
      bodySize: body.size,
    });
  }
  let check = checkRequest(webhook, input.headers, body.bytes, receivedAt);
  if (!check.ok && found.isCached) {
    // A remembered webhook never refuses a request: the secret may just have been saved, or the
    // webhook activated, by another process. Judge it again on what the database says now.
    const fresh = await refreshIngestWebhook(store, input.webhookId, receivedAt);
    if (!fresh) return webhookNotFound();
    webhook = fresh;
    check = checkRequest(webhook, input.headers, body.bytes, receivedAt);
  }
  if (!check.ok) return reject(check.status, check.code, check.message, check.logged);
  const { identity, slot, payload, text } = check;
  // A sender without an id of its own (Lemon Squeezy, Supabase…): an identical body within the window is
  // the same delivery again.
  const svixId = identity.messageId ?? bodyKey(body.bytes);
  if (identity.messageId === null) await releaseStaleBodyKey(db, webhook.id, svixId, receivedAt);
  const withId = { bodyHead: body.bytes, bodySize: body.bytes.length, svixId };

  const eventType = identity.eventType ?? undefined;
  const stored = await store.storeAccepted({
    id: newEventId(receivedAt.getTime()),
    projectId: webhook.projectId,
    webhookId: webhook.id,
    receivedAt,
    svixId,
    eventType: identity.eventType,
    eventObject: identity.eventObject,
    secretSlot: slot,
    headers: JSON.stringify(headers),
    body: text,
    bodySize: body.bytes.length,
    sourceIp: input.sourceIp === undefined ? null : storableText(input.sourceIp),
    payload,
  });
  if (stored === "gone") {
    forgetIngestWebhook(input.webhookId);
    return webhookNotFound();
  }
  if (stored === "duplicate") {
    await recordRequest(db, {
      webhook,
      outcome: "duplicate",
      httpStatus: 200,
      reasonCode: "duplicate_svix_id",
      reasonMessage:
        identity.messageId === null
          ? "An identical body was received within the last 24 hours, and this sender gives no delivery id; nothing new was stored."
          : `An event with id ${svixId} was already received; nothing new was stored.`,
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

type CheckedRequest =
  | { ok: true; identity: Identity; slot: SecretSlot; payload: Record<string, unknown>; text: string }
  | { ok: false; status: number; code: string; message: string; logged: Partial<LoggedRequest> };

/** Whether the webhook accepts this request (active, signed by its secret, a JSON object); no side effects. */
function checkRequest(webhook: IngestWebhook, headers: RequestHeaders, bytes: Buffer, now: Date): CheckedRequest {
  const withBody = { bodyHead: bytes, bodySize: bytes.length };
  const refuse = (status: number, code: string, message: string, logged: Partial<LoggedRequest> = {}) =>
    ({ ok: false, status, code, message, logged: { ...withBody, ...logged } }) as const;
  if (!webhook.isActive || !webhook.signingSecret) {
    return refuse(409, "webhook_inactive", "This webhook is inactive. Activate it in the Hookbell dashboard.");
  }
  // Webhooks connected before senders were chosen signed the Svix way: Clerk's verification accepts both families.
  const sender = findSender(webhook.provider) ?? findSender("clerk");
  if (!sender) throw new Error("the Clerk sender is missing from lib/senders/senders.ts");
  const config = readSenderConfig(sender, webhook.senderConfig);
  if (config === INVALID_SETTINGS) {
    return refuse(
      409,
      "sender_settings_invalid",
      `This webhook's ${sender.name} settings are incomplete; save them again in the Hookbell dashboard.`,
    );
  }
  if (!isUtf8(bytes)) {
    return refuse(400, "invalid_payload", "The body is not UTF-8 text; Hookbell accepts JSON event objects.");
  }
  const text = bytes.toString("utf8");
  const verified = verifyRequest(
    sender,
    config,
    { headers, body: text },
    {
      current: openRemembered(webhook.signingSecret, webhookSecretField(webhook.id, "signingSecret")),
      previous:
        webhook.previousSigningSecret === null
          ? null
          : openRemembered(webhook.previousSigningSecret, webhookSecretField(webhook.id, "previousSigningSecret")),
      previousExpiresAt: webhook.previousSecretExpiresAt,
    },
    now,
  );
  if (!verified.ok) {
    return refuse(verified.status, verified.code, verified.message, {
      reasonMessage: verified.logMessage ?? verified.message,
    });
  }
  return { ok: true, identity: verified.identity, slot: verified.slot, payload: verified.payload, text };
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
