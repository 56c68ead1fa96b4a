import type { IngestStore, IngestWebhook } from "./ingest-store";

/** How long a looked-up webhook is reused by ingest when nothing said it changed. */
export const WEBHOOK_CACHE_MS = 1000;
const MAX_CACHED = 10_000;

type Cached = { webhook: IngestWebhook; fetchedAt: number };

// Shared by every copy of this module in the process (Next's route bundles load their own).
const registry = globalThis as unknown as {
  hookbellWebhookCache?: Map<string, Cached>;
  hookbellWebhookChangeListeners?: Set<(webhookId: string) => void>;
};
registry.hookbellWebhookCache ??= new Map();
registry.hookbellWebhookChangeListeners ??= new Set();
const cache = registry.hookbellWebhookCache;
const listeners = registry.hookbellWebhookChangeListeners;

export type FoundWebhook = { webhook: IngestWebhook; isCached: boolean };

/**
 * The ingest lookup of a webhook, reused for up to a second: under load, one database read per webhook
 * per second instead of one per request. A reused row only ever lets a request through — a request it
 * would refuse is judged again on a fresh read (see ingestRequest) — and every change made through
 * lib/webhooks (secret, activation, deletion) forgets it at once, in this process and on the dashboard's
 * thread, so what stays is at most a second's delay for changes made by another process.
 */
export async function findIngestWebhook(
  store: IngestStore,
  webhookId: string,
  now: Date,
): Promise<FoundWebhook | null> {
  const cached = cache.get(webhookId);
  const age = cached ? now.getTime() - cached.fetchedAt : Number.POSITIVE_INFINITY;
  if (cached && age >= 0 && age < WEBHOOK_CACHE_MS) return { webhook: cached.webhook, isCached: true };
  const webhook = await refreshIngestWebhook(store, webhookId, now);
  return webhook ? { webhook, isCached: false } : null;
}

/** Reads the webhook from the database and keeps it for the next requests. */
export async function refreshIngestWebhook(
  store: IngestStore,
  webhookId: string,
  now: Date,
): Promise<IngestWebhook | null> {
  const webhook = await store.findWebhook(webhookId);
  cache.delete(webhookId);
  if (webhook) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(webhookId, { webhook, fetchedAt: now.getTime() });
  }
  return webhook;
}

/** A webhook's ingest settings changed: forget it here, and tell the listeners (other threads). */
export function announceWebhookChange(webhookId: string): void {
  forgetIngestWebhook(webhookId);
  for (const listener of listeners) listener(webhookId);
}

export function forgetIngestWebhook(webhookId: string): void {
  cache.delete(webhookId);
}

export function onWebhookChange(listener: (webhookId: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
