import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { templateFacts } from "../delivery/template-context";
import { getEnv } from "../env";
import { notFound } from "../errors";
import type { AlertTemplate } from "../templates/alert-template";
import type { TemplateProblem } from "../templates/check-template";
import { renderInPool } from "../templates/render-in-pool";
import type { JobContext } from "../templates/run-render-job";
import { sampleTemplateContext } from "../templates/sample-context";
import type { RenderedByFormat, TemplateFormatId } from "../templates/template-formats";
import { requireChannelKind } from "./kinds/channel-kinds";

export type PreviewInput = {
  /** The channel kind; it renders in its module's template format. */
  kind: string;
  template: AlertTemplate;
  eventType: string;
  source: "sample" | "latest";
};

/** The rendered alert comes back under its format's id (`email`, `slack`, …), named by `format`. */
export type PreviewResult =
  | ({ ok: true; source: string; format: TemplateFormatId } & Partial<RenderedByFormat>)
  | { ok: false; source: string; problems: TemplateProblem[] };

/**
 * Renders a template the way the worker will, on the render pool: with a realistic sample of the chosen
 * event type, or with the latest real event this webhook accepted (of that type when there is one). A
 * template that renders nothing usable for that event (an empty Slack message) is a problem, not an error.
 */
export async function previewTemplate(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  input: PreviewInput,
): Promise<PreviewResult> {
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { id: true, name: true, environment: true, provider: true },
  });
  if (!webhook) throw notFound("Webhook");
  const { format } = requireChannelKind(input.kind);
  let context: JobContext | undefined;
  let source = `Sample ${input.eventType} event`;
  if (input.source === "latest") {
    const latest =
      (await latestEvent(db, tenant, webhookId, input.eventType)) ?? (await latestEvent(db, tenant, webhookId));
    if (latest) {
      context = { ...templateFacts({ ...latest, eventId: latest.id, webhook }), body: latest.body };
      source = `Latest real event: ${latest.eventType ?? "untyped"} received ${latest.receivedAt.toISOString()}`;
    } else {
      source = `No real event received yet; sample ${input.eventType} event`;
    }
  }
  context ??= sampleTemplateContext(input.eventType, {
    webhook,
    eventUrl: `${getEnv().APP_URL}/logs/evt_sample`,
  });
  const {
    problems,
    summary: _,
    ...rendered
  } = await renderInPool(tenant.projectId, {
    op: "render",
    kind: format,
    template: input.template,
    context,
    check: true,
  });
  if (problems.length > 0) return { ok: false, source, problems };
  // The alert comes back under its format's id, as the dashboard's preview map is keyed.
  return { ok: true, source, format, ...rendered };
}

function latestEvent(db: Db, tenant: Tenant, webhookId: string, eventType?: string) {
  return db.event.findFirst({
    where: { webhookId, projectId: tenant.projectId, outcome: "accepted", eventType },
    orderBy: { id: "desc" },
    select: { id: true, eventType: true, receivedAt: true, body: true },
  });
}
