import type { AlertTemplate } from "./alert-template";
import { renderPart } from "./compile-template";
import type { TemplateContext } from "./presets";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

/**
 * A signed webhook's request body, ready to sign and send. `custom`: a template wrote it; otherwise it is
 * the event in Hookbell's envelope.
 */
export type WebhookRequest = { body: string; custom: boolean };

/** A custom body past this is refused: receivers (n8n, Zapier, workers) are built for small payloads. */
export const WEBHOOK_BODY_MAX = 300_000;

/**
 * The envelope Standard Webhooks recommends (`type`, `timestamp`, `data`), with the received payload as
 * `data` exactly as it arrived (parsed, never cut: a receiver may act on any field) and Hookbell's facts
 * about the event beside it.
 */
export function webhookEnvelope(context: TemplateContext): string {
  return JSON.stringify({
    type: context.eventType,
    timestamp: context.receivedAt,
    data: context.event,
    hookbell: {
      event_id: context.eventId,
      webhook: { id: context.webhook.id, name: context.webhook.name },
      environment: context.webhook.environment,
      received_at: context.receivedAt,
      event_url: context.eventUrl,
    },
  });
}

/**
 * The problem with a custom body as rendered, or undefined: it must be one JSON value, not too long.
 * A blank template is no problem: it sends the envelope.
 */
export function webhookBodyProblem(rendered: string, source: string): string | undefined {
  if (!source.trim()) return undefined;
  if (!rendered.trim()) {
    return "The JSON body is empty for this event; write a JSON value, or clear the template to send the event as received.";
  }
  if (rendered.length > WEBHOOK_BODY_MAX) {
    return `The JSON body is ${rendered.length} characters long for this event; the limit is ${WEBHOOK_BODY_MAX}.`;
  }
  try {
    JSON.parse(rendered);
    return undefined;
  } catch (error) {
    return `The body is not valid JSON (${(error as Error).message}). Values are escaped for inside "…" strings; write {{json value}} for a whole JSON value.`;
  }
}

/**
 * Renders a signed webhook's body: blank template → the envelope; otherwise the `body` part, values
 * escaped for JSON strings, which must parse. Pure (it runs on the render pool); signing happens at send
 * time, since the signature covers the attempt's own timestamp. Throws TemplateError naming `body`.
 */
export function renderWebhookRequest(template: AlertTemplate, context: TemplateContext): WebhookRequest {
  if (!template.body.trim()) return { body: webhookEnvelope(context), custom: false };
  const rendered = renderPart("body", template.body, "json", toTemplateData(context)).trim();
  const problem = webhookBodyProblem(rendered, template.body);
  if (problem) throw new TemplateError("body", problem);
  return { body: rendered, custom: true };
}
