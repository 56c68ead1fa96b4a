import { webhookSecretField } from "../crypto/sealed-fields";
import { openNullable } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { getEnv } from "../env";
import { findSender } from "../senders/senders";
import { maskSecret } from "./signing-secret";

type WebhookRow = Awaited<ReturnType<Db["webhook"]["findFirstOrThrow"]>>;

/** The public ingest URL to paste into Clerk. */
export function webhookUrl(webhookId: string): string {
  return `${getEnv().APP_URL}/api/ingest/${webhookId}`;
}

/** A webhook as pages and APIs may see it: secrets appear only masked. */
export function toWebhookView(row: WebhookRow, now = new Date()) {
  const previousValid = row.previousSecretExpiresAt !== null && row.previousSecretExpiresAt > now;
  return {
    id: row.id,
    name: row.name,
    provider: row.provider,
    providerName: findSender(row.provider)?.name ?? null,
    environment: row.environment,
    /** The sender's settings as saved (its secret header, Custom HMAC's algorithm…); none are secret. */
    senderSettings: readSettings(row.senderConfig),
    isActive: row.isActive,
    url: webhookUrl(row.id),
    secretHint: maskSecret(openNullable(row.signingSecret, webhookSecretField(row.id, "signingSecret"))),
    secretUpdatedAt: row.secretUpdatedAt,
    previousSecretHint: previousValid
      ? maskSecret(openNullable(row.previousSigningSecret, webhookSecretField(row.id, "previousSigningSecret")))
      : null,
    previousSecretExpiresAt: previousValid ? row.previousSecretExpiresAt : null,
    eventCount: row.eventCount,
    lastEventAt: row.lastEventAt,
    createdAt: row.createdAt,
  };
}

export type WebhookView = ReturnType<typeof toWebhookView>;

function readSettings(stored: string | null): Record<string, unknown> | null {
  if (stored === null) return null;
  try {
    const value: unknown = JSON.parse(stored);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
