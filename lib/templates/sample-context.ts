import { findSender } from "../senders/senders";
import type { TemplateContext } from "./presets";

/** A complete template context around a sample event of the webhook's sender (Clerk when none), for previews and tests. */
export function sampleTemplateContext(
  eventType: string,
  options: {
    now?: Date;
    webhook?: { id: string; name: string; environment: string; provider?: string | null };
    eventUrl?: string;
  } = {},
): TemplateContext {
  const now = options.now ?? new Date();
  const { provider, ...webhook } = options.webhook ?? {
    id: "wh_sample",
    name: "Production Clerk",
    environment: "production",
  };
  const sender = findSender(provider) ?? findSender("clerk");
  return {
    event: sender ? sender.sample(eventType, now) : {},
    eventId: "evt_01SAMPLE0000000000000000000",
    eventType,
    receivedAt: now.toISOString(),
    eventUrl: options.eventUrl ?? "https://hookbell.test/logs/evt_01SAMPLE0000000000000000000",
    webhook: { ...webhook, sender: provider ?? null },
  };
}
