import { Readable } from "node:stream";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { ingestRequest } from "@/lib/ingest/ingest-request";
import { deliveriesOf, webhookWithChannels } from "../delivery/harness";
import { mapPool } from "../helpers/load";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// A sender stuck in a retry loop: 10,000 copies of one correctly signed request, 50 in flight at a time,
// through the ingest core on a real SQLite file. One event, one alert per channel, every answer 200.

const COPIES = 10_000;
const CONCURRENCY = 50;

let db: Db;

beforeAll(async () => {
  db = await openTestDb();
});

it("stores one event and one delivery per channel from 10,000 concurrent copies of one svix-id", async () => {
  const tenant = await seedTenant(db);
  const { webhookId } = await webhookWithChannels(db, tenant, { email: ["burst@example.com"], slack: true });
  const body = clerkEvent("user.created");
  const headers = signedHeaders(body, { id: "msg_burst_same_id" });

  const answers = await mapPool(Array.from({ length: COPIES }), CONCURRENCY, () =>
    ingestRequest(db, {
      webhookId,
      method: "POST",
      headers: new Headers(headers),
      body: Readable.from([Buffer.from(body)]),
    }),
  );

  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  expect(answers.filter((answer) => answer.status === 200 && !("duplicate" in answer.body))).toHaveLength(1);
  expect(answers.filter((answer) => "duplicate" in answer.body && answer.body.duplicate === true)).toHaveLength(
    COPIES - 1,
  );

  const accepted = await db.event.findMany({ where: { webhookId, outcome: "accepted" } });
  expect(accepted).toHaveLength(1);
  expect(accepted[0]).toMatchObject({ dedupeKey: "msg_burst_same_id", duplicateCount: COPIES - 1 });
  const webhook = await db.webhook.findUniqueOrThrow({ where: { id: webhookId } });
  expect(webhook.eventCount).toBe(1);

  const deliveries = await deliveriesOf(db, webhookId);
  expect(deliveries.map((row) => [row.kind, row.status, row.eventId])).toEqual([
    ["email", "pending", accepted[0].id],
    ["slack", "pending", accepted[0].id],
  ]);
  // The duplicates are logged, but only the newest HOOKBELL_REJECTED_LOG_LIMIT of them are kept.
  const logged = await db.event.count({ where: { webhookId, outcome: "duplicate" } });
  expect(logged).toBe(getEnv().HOOKBELL_REJECTED_LOG_LIMIT);
}, 120_000);
