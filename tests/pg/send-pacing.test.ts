import { afterAll, beforeAll, expect, it } from "vitest";
import { SLACK_INTERVAL_MS } from "@/lib/channels/kinds/slack";
import { createDb, type Db } from "@/lib/db/client";
import { pacingKey, reserveSendSlot } from "@/lib/delivery/send-pacing";
import { getEnv } from "@/lib/env";
import { openTestDb } from "../helpers/test-db";

// Slack pacing on PostgreSQL: the queue of send slots is shared by every worker process through the
// database. Many reservations at the same instant, from several clients, each get their own slot.

const clients: Db[] = [];

beforeAll(async () => {
  await openTestDb();
  for (let i = 0; i < 3; i++) clients.push(createDb(getEnv().DATABASE_URL));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

it("hands out one slot per interval to 90 simultaneous reservations from three workers, none twice", async () => {
  const key = pacingKey("slack", `https://hooks.slack.com/services/T0PACE/B0PACE/${Date.now()}`);
  const now = new Date();
  const slots = await Promise.all(
    Array.from({ length: 90 }, (_, i) => reserveSendSlot(clients[i % clients.length], key, now, SLACK_INTERVAL_MS)),
  );
  const offsets = slots.map((slot) => slot.getTime() - now.getTime()).sort((a, b) => a - b);
  expect(offsets).toEqual(Array.from({ length: 90 }, (_, i) => i * SLACK_INTERVAL_MS));

  // Once the queue has drained, the destination is idle again: the next reservation is for right away.
  const later = new Date(now.getTime() + 90 * SLACK_INTERVAL_MS + 5000);
  expect((await reserveSendSlot(clients[0], key, later, SLACK_INTERVAL_MS)).getTime()).toBe(later.getTime());
});
