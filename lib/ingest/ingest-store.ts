import type { Db } from "../db/client";
import { dbOrigin, isUniqueViolation } from "../db/client";
import { CHANNEL_PLAN_ORDER, planDeliveries } from "../delivery/plan-deliveries";
import { announceWork } from "../delivery/wake-workers";
import { isWebhookId } from "../ids";
import { serializeNotAlerted } from "../log/not-alerted";
import { PostgresIngestStore } from "./postgres-ingest-store";
import { SqliteIngestStore } from "./sqlite-ingest-store";

/** What ingest needs to know of a webhook before it verifies a request. */
export type IngestWebhook = {
  id: string;
  projectId: string;
  isActive: boolean;
  signingSecret: string | null;
  previousSigningSecret: string | null;
  previousSecretExpiresAt: Date | null;
  /** The sender id (lib/senders/senders.ts); null: connected before senders were chosen, verified as Clerk. */
  provider: string | null;
  /** The sender's settings as stored (JSON), for senders that have any. */
  senderConfig: string | null;
};

/** A verified request about to become an event. */
export type AcceptedEvent = {
  id: string;
  projectId: string;
  webhookId: string;
  receivedAt: Date;
  /** The idempotency key: the sender's id of the delivery, else "sha256:" and the body's hash. */
  svixId: string;
  eventType: string | null;
  eventObject: string | null;
  secretSlot: string;
  headers: string;
  body: string;
  bodySize: number;
  sourceIp: string | null;
  /** The parsed body, as verification left it: channel conditions are evaluated on it, not on a second parse. */
  payload?: unknown;
};

/**
 * "stored": the event and its outbox deliveries are durable; "duplicate": this webhook already has an
 * event with this svix-id (its duplicate count went up, nothing else was stored); "gone": the webhook
 * was deleted since it was looked up.
 */
export type StoreResult = "stored" | "duplicate" | "gone";

/** The two database operations on the ingest hot path. */
export interface IngestStore {
  findWebhook(webhookId: string): Promise<IngestWebhook | null>;
  storeAccepted(event: AcceptedEvent): Promise<StoreResult>;
}

const stores = new WeakMap<Db, IngestStore>();

/**
 * SQLite: a dedicated connection with prepared statements and group commit (see SqliteIngestStore).
 * PostgreSQL: group commit on a pg pool of its own (see PostgresIngestStore). A client whose origin is
 * unknown: through Prisma, one transaction per event.
 */
export function ingestStoreFor(db: Db): IngestStore {
  let store = stores.get(db);
  if (!store) {
    const origin = dbOrigin(db);
    if (origin?.provider === "sqlite") store = new SqliteIngestStore(origin.file, origin.lock);
    else if (origin?.provider === "postgresql") store = new PostgresIngestStore(db);
    else store = new PrismaIngestStore(db);
    stores.set(db, store);
  }
  return store;
}

export class PrismaIngestStore implements IngestStore {
  constructor(private readonly db: Db) {}

  async findWebhook(webhookId: string): Promise<IngestWebhook | null> {
    if (!isWebhookId(webhookId)) return null;
    return this.db.webhook.findUnique({
      where: { id: webhookId },
      select: {
        id: true,
        projectId: true,
        isActive: true,
        signingSecret: true,
        previousSigningSecret: true,
        previousSecretExpiresAt: true,
        provider: true,
        senderConfig: true,
      },
    });
  }

  /** The event row, the webhook's counters and the outbox rows commit together; a repeated svix-id stores nothing. */
  async storeAccepted(event: AcceptedEvent): Promise<StoreResult> {
    const db = this.db;
    try {
      // Writing first checks the svix-id and takes the write lock in one statement: a duplicate never
      // aborts the transaction.
      const stored = await db.$transaction(async (tx) => {
        const { count } = await tx.webhook.updateMany({
          where: { id: event.webhookId, events: { none: { dedupeKey: event.svixId } } },
          data: { eventCount: { increment: 1 }, lastEventAt: event.receivedAt },
        });
        if (count === 0) return false;
        const { payload: _payload, ...row } = event;
        // The transactional outbox: the alerts to send commit with the event or not at all, and so does the
        // record of the channels that stay silent (a column of the event row).
        const channels = await tx.channel.findMany({
          where: { webhookId: event.webhookId, isEnabled: true },
          orderBy: CHANNEL_PLAN_ORDER,
          select: { id: true, kind: true, eventTypes: true, conditions: true },
        });
        const { deliveries, notAlerted } = planDeliveries(event, channels, event.receivedAt);
        await tx.event.create({ data: { ...acceptedRow(row), notAlerted: serializeNotAlerted(notAlerted) } });
        if (deliveries.length > 0) await tx.delivery.createMany({ data: deliveries });
        return deliveries.length > 0 ? "queued" : "stored";
      });
      if (stored === "queued") announceWork(db);
      if (stored) return "stored";
    } catch (err) {
      // Two concurrent deliveries of one svix-id (PostgreSQL): the unique index lets exactly one commit.
      if (!isUniqueViolation(err)) throw err;
    }
    const { count } = await db.event.updateMany({
      where: { webhookId: event.webhookId, dedupeKey: event.svixId, outcome: "accepted" },
      data: { duplicateCount: { increment: 1 } },
    });
    // No original either: the webhook was deleted since it was looked up, so nothing was stored.
    return count > 0 ? "duplicate" : "gone";
  }
}

/** The Event row of an accepted request; the svix-id doubles as the per-webhook idempotency key. */
export function acceptedRow(event: Omit<AcceptedEvent, "payload">) {
  return {
    ...event,
    outcome: "accepted",
    httpStatus: 200,
    dedupeKey: event.svixId,
  };
}
