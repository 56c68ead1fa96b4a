import { getEnv } from "../env";
import type { TemplateContext } from "../templates/presets";

export type ContextSource = {
  eventId: string;
  eventType: string | null;
  receivedAt: Date;
  body: string;
  webhook: { id: string; name: string; environment: string };
};

/** What a template sees: the received payload plus Hookbell's facts about it. */
export function templateContext(source: ContextSource): TemplateContext {
  return {
    event: parsePayload(source.body),
    eventId: source.eventId,
    eventType: source.eventType ?? "",
    receivedAt: source.receivedAt.toISOString(),
    eventUrl: `${getEnv().APP_URL}/logs/${source.eventId}`,
    webhook: source.webhook,
  };
}

function parsePayload(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
