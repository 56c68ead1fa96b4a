import { getEnv } from "../env";
import type { TemplateContext } from "../templates/presets";
import { parseEventBody } from "../templates/template-data";

export type ContextSource = {
  eventId: string;
  eventType: string | null;
  receivedAt: Date;
  body: string;
  /** provider: the webhook's sender id (Webhook.provider), which picks the presets. */
  webhook: { id: string; name: string; environment: string; provider?: string | null };
};

/** What a template sees: the received payload plus Hookbell's facts about it. */
export function templateContext(source: ContextSource): TemplateContext {
  return { event: parseEventBody(source.body), ...templateFacts(source) };
}

/** Hookbell's facts about an event, without its payload (a render thread parses that itself). */
export function templateFacts(source: Omit<ContextSource, "body">): Omit<TemplateContext, "event"> {
  return {
    eventId: source.eventId,
    eventType: source.eventType ?? "",
    receivedAt: source.receivedAt.toISOString(),
    eventUrl: `${getEnv().APP_URL}/logs/${source.eventId}`,
    webhook: {
      id: source.webhook.id,
      name: source.webhook.name,
      environment: source.webhook.environment,
      sender: source.webhook.provider ?? null,
    },
  };
}
