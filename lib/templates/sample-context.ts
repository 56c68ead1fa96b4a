import { sampleClerkEvent } from "../providers/clerk-samples";
import type { TemplateContext } from "./presets";

/** A complete template context around a sample Clerk event, for previews and tests. */
export function sampleTemplateContext(
  eventType: string,
  options: { now?: Date; webhook?: { id: string; name: string; environment: string }; eventUrl?: string } = {},
): TemplateContext {
  const now = options.now ?? new Date();
  return {
    event: sampleClerkEvent(eventType, now),
    eventId: "evt_01SAMPLE0000000000000000000",
    eventType,
    receivedAt: now.toISOString(),
    eventUrl: options.eventUrl ?? "https://hookbell.test/logs/evt_01SAMPLE0000000000000000000",
    webhook: options.webhook ?? { id: "wh_sample", name: "Production Clerk", environment: "production" },
  };
}
