import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { listenForWork } from "@/lib/delivery/listen-for-work";
import { announceWork, onWake } from "@/lib/delivery/wake-workers";
import { getEnv } from "@/lib/env";
import { ingestRequest } from "@/lib/ingest/ingest-request";
import { webhookWithChannels } from "../delivery/harness";
import { until } from "../helpers/load";
import { clerkEvent, signedHeaders } from "../helpers/signing";
import { openTestDb, seedTenant } from "../helpers/test-db";

// PostgreSQL only (tests/pg): `npm run worker` processes are woken by a NOTIFY when any process commits
// work, instead of waiting for their next poll.

let db: Db;
let wakeUps = 0;
let stopCounting: () => void;
let listener: { close(): Promise<void> };

beforeAll(async () => {
  db = await openTestDb();
  stopCounting = onWake(() => wakeUps++);
  listener = listenForWork(getEnv().DATABASE_URL);
  // The listener wakes the workers once when its connection is up.
  await until(() => wakeUps >= 1, "the listener to connect", 10_000);
});

afterAll(async () => {
  stopCounting();
  await listener.close();
});

it("wakes listening workers when another connection announces work", async () => {
  // A NOTIFY from a plain connection, as another process's announceWork sends it.
  const before = wakeUps;
  await db.$executeRawUnsafe("SELECT pg_notify('hookbell_work', '')");
  await until(() => wakeUps > before, "the notification", 10_000);
  // announceWork wakes this process directly and notifies the others: two wake-ups here.
  const beforeAnnounce = wakeUps;
  announceWork(db);
  await until(() => wakeUps >= beforeAnnounce + 2, "the local wake-up and the notification", 10_000);
});

it("notifies when ingest commits an event with alerts to send, and not for an event without channels", async () => {
  const tenant = await seedTenant(db);
  const { webhookId: quiet } = await webhookWithChannels(db, tenant, {});
  const { webhookId: alerted } = await webhookWithChannels(db, tenant, { slack: true });
  const send = (webhookId: string, id: string) => {
    const body = clerkEvent("user.created");
    return ingestRequest(db, {
      webhookId,
      method: "POST",
      headers: new Headers(signedHeaders(body, { id })),
      body: Readable.from([Buffer.from(body)]),
    });
  };

  const beforeQuiet = wakeUps;
  expect((await send(quiet, "msg_quiet")).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(wakeUps).toBe(beforeQuiet);

  const before = wakeUps;
  expect((await send(alerted, "msg_alerted")).status).toBe(200);
  await until(() => wakeUps >= before + 2, "the local wake-up and the notification", 10_000);
});
