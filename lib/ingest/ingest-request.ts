import { webhookSecretField } from "../crypto/sealed-fields";
import { open, openNullable } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { logUnexpected } from "../errors";
import { newEventId } from "../ids";
import { type IngestStore, ingestStoreFor } from "./ingest-store";
import { readCappedBody } from "./read-capped-body";
import { type LoggedRequest, recordRequest, storableText } from "./record-request";
import { recordedHeaders } from "./recorded-headers";
import { readSignatureHeaders } from "./signature-headers";
import { verifySignature } from "./verify-signature";

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
export async function ingestRequest(
  db: Db,
  input: IngestInput,
  store: IngestStore = ingestStoreFor(db),
): Promise<IngestOutput> {
  try {
    return await handleIngest(db, store, input);
  } catch (err) {
    logUnexpected(`ingest for ${input.webhookId.slice(0, 40)} failed`, err);
    return {
      ...error(503, "storage_unavailable", "Hookbell could not store this request right now; retry later."),
      headers: { "Retry-After": "5" },
    };
  }
}

async function handleIngest(db: Db, store: IngestStore, input: IngestInput): Promise<IngestOutput> {
  const receivedAt = input.now ?? new Date();
  if (input.method !== "POST") {
    return { ...error(405, "method_not_allowed", "Send webhook events with POST."), headers: { Allow: "POST" } };
  }
  const webhook = await store.findWebhook(input.webhookId);
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
  const stored = await store.storeAccepted({
    id: newEventId(receivedAt.getTime()),
    projectId: webhook.projectId,
    webhookId: webhook.id,
    receivedAt,
    svixId: signature.id,
    eventType: eventType ?? null,
    eventObject: stringField(verified.payload.object) ?? null,
    secretSlot: verified.slot,
    headers: JSON.stringify(headers),
    body: text,
    bodySize: body.bytes.length,
    sourceIp: input.sourceIp === undefined ? null : storableText(input.sourceIp),
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
  return typeof value === "string" && value.length > 0 ? storableText(value.slice(0, MAX_TYPE_LENGTH)) : undefined;
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
