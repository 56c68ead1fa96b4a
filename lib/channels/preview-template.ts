import type { Tenant } from "../auth/tenant";
import type { Db } from "../db/client";
import { templateContext } from "../delivery/template-context";
import { getEnv } from "../env";
import { notFound } from "../errors";
import { checkTemplate, type TemplateProblem } from "../templates/check-template";
import type { EmailTemplate, SlackTemplate, TemplateContext } from "../templates/presets";
import { type RenderedEmail, renderEmail } from "../templates/render-email";
import { renderSlack, type SlackMessage } from "../templates/render-slack";
import { sampleTemplateContext } from "../templates/sample-context";

export type PreviewInput =
  | { kind: "email"; template: EmailTemplate; eventType: string; source: "sample" | "latest" }
  | { kind: "slack"; template: SlackTemplate; eventType: string; source: "sample" | "latest" };

export type PreviewResult =
  | { ok: true; source: string; email?: RenderedEmail; slack?: SlackMessage }
  | { ok: false; source: string; problems: TemplateProblem[] };

/**
 * Renders a template the way the worker will: with a realistic sample of the chosen event type, or with
 * the latest real event this webhook accepted (of that type when there is one).
 */
export async function previewTemplate(
  db: Db,
  tenant: Tenant,
  webhookId: string,
  input: PreviewInput,
): Promise<PreviewResult> {
  const webhook = await db.webhook.findFirst({
    where: { id: webhookId, projectId: tenant.projectId },
    select: { id: true, name: true, environment: true },
  });
  if (!webhook) throw notFound("Webhook");
  let context: TemplateContext | undefined;
  let source = `Sample ${input.eventType} event`;
  if (input.source === "latest") {
    const latest =
      (await latestEvent(db, tenant, webhookId, input.eventType)) ?? (await latestEvent(db, tenant, webhookId));
    if (latest) {
      context = templateContext({ ...latest, eventId: latest.id, webhook });
      source = `Latest real event: ${latest.eventType ?? "untyped"} received ${latest.receivedAt.toISOString()}`;
    } else {
      source = `No real event received yet; sample ${input.eventType} event`;
    }
  }
  context ??= sampleTemplateContext(input.eventType, {
    webhook,
    eventUrl: `${getEnv().APP_URL}/logs/evt_sample`,
  });
  const problems = checkTemplate(input.kind, input.template, context);
  if (problems.length > 0) return { ok: false, source, problems };
  return input.kind === "email"
    ? { ok: true, source, email: renderEmail(input.template, context) }
    : { ok: true, source, slack: renderSlack(input.template, context) };
}

function latestEvent(db: Db, tenant: Tenant, webhookId: string, eventType?: string) {
  return db.event.findFirst({
    where: { webhookId, projectId: tenant.projectId, outcome: "accepted", eventType },
    orderBy: { id: "desc" },
    select: { id: true, eventType: true, receivedAt: true, body: true },
  });
}
