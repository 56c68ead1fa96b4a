import { expect } from "vitest";
import type { Tenant } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { type FrontServer, startFrontServer } from "./front-server";
import { openTestDb, seedTenant } from "./test-db";

// What every sender's test needs: a real database file, the real HTTP front end `npm start` serves ingest
// on, a webhook connected to the sender, and a way to post a signed request and read what the log kept.
// Requests are signed by each sender's own library in the test itself, never by Hookbell's code.

export type SenderHarness = {
  db: Db;
  tenant: Tenant;
  front: FrontServer;
  /** A new active webhook connected to `sender` with `secret` (and its settings, for senders with any). */
  connect(sender: string, secret: string, settings?: unknown): Promise<string>;
  post(webhookId: string, body: string, headers: Record<string, string>): Promise<Answer>;
  /** Every logged request of the webhook, oldest first. */
  events(webhookId: string): ReturnType<Db["event"]["findMany"]>;
  close(): Promise<void>;
};

export type Answer = { status: number; json: Record<string, unknown> };

export async function startSenderHarness(): Promise<SenderHarness> {
  const db = await openTestDb();
  const tenant = await seedTenant(db);
  const front = await startFrontServer(db);
  return {
    db,
    tenant,
    front,
    async connect(sender, secret, settings) {
      const webhook = await createWebhook(db, tenant);
      await saveSigningSecret(db, tenant, webhook.id, { provider: sender, secret, settings });
      return webhook.id;
    },
    async post(webhookId, body, headers) {
      const response = await fetch(`${front.url}/api/ingest/${encodeURIComponent(webhookId)}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...headers },
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    events: (webhookId) => db.event.findMany({ where: { webhookId }, orderBy: { id: "asc" } }),
    close: () => front.close(),
  };
}

/** The answer is an error with this status and code; returns its message. */
export function expectRefused(answer: Answer, status: number, code: string): string {
  expect(answer.status, JSON.stringify(answer.json)).toBe(status);
  expect(answer.json).toEqual({ error: { code, message: expect.any(String) } });
  return (answer.json.error as { message: string }).message;
}

/** The answer accepted the request as new (not a duplicate). */
export function expectAccepted(answer: Answer): void {
  expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  expect(answer.json).toEqual({ received: true });
}
