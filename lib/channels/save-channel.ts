import { recordAudit } from "../audit/record-audit";
import type { Tenant } from "../auth/tenant";
import { slackUrlField } from "../crypto/sealed-fields";
import { seal } from "../crypto/secret-box";
import type { Db } from "../db/client";
import { AppError, notFound } from "../errors";
import { formatCount } from "../format/format-count";
import { formatSlackChannel } from "../format/format-slack-channel";
import { joinSentences } from "../format/join-sentences";
import { newId } from "../ids";
import type { TemplateProblem } from "../templates/check-template";
import { AUTO_PRESET_ID, getPreset } from "../templates/presets";
import { renderInPool } from "../templates/render-in-pool";
import { sampleTemplateContext } from "../templates/sample-context";
import { randomWebhookName } from "../webhooks/create-webhook";
import { ChannelInput } from "./channel-input";
import { slackUrlHint } from "./slack-url";

export class TemplateProblemsError extends AppError {
  constructor(readonly problems: TemplateProblem[]) {
    super("validation_failed", `The template has errors. ${joinSentences(problems.map(describeProblem))}`);
  }
}

export function describeProblem(problem: TemplateProblem): string {
  const where = [problem.part, problem.line && `line ${problem.line}`, problem.column && `column ${problem.column}`];
  return `${where.filter(Boolean).join(", ")}: ${problem.message}`;
}

/**
 * Saves (and turns on) a webhook's email or Slack channel. An edited template is stored as the channel's
 * own copy, after it compiles and renders against a sample event (else it is refused with line and
 * column); without edits the channel renders the chosen preset, so it keeps following Hookbell's presets.
 */
export async function saveChannel(db: Db, tenant: Tenant, webhookId: string, raw: ChannelInput) {
  const input = ChannelInput.parse(raw);
  const webhook = await db.webhook.findFirst({ where: { id: webhookId, projectId: tenant.projectId } });
  if (!webhook) throw notFound("Webhook");
  const existing = await db.channel.findFirst({
    where: { webhookId, projectId: tenant.projectId, kind: input.kind },
  });

  if (input.templatePreset !== AUTO_PRESET_ID && !getPreset(input.kind, input.templatePreset)) {
    throw new AppError("validation_failed", "Choose a template from the list.");
  }
  let template = { templateSubject: null, templateBody: null, templateText: null } as Record<string, string | null>;
  if (input.template && "subject" in input.template && /[\r\n]/.test(input.template.subject)) {
    // The subject is a mail header: a line break in it could start a header of its own.
    throw new TemplateProblemsError([{ part: "subject", message: "The subject must be a single line." }]);
  }
  if (input.template) {
    const sampleType = input.eventTypes?.[0] ?? "user.created";
    const sample = sampleTemplateContext(sampleType, {
      webhook: { id: webhook.id, name: webhook.name, environment: webhook.environment },
    });
    // Rendered on the render pool: a template is tenant code, however small the sample.
    const { problems } = await renderInPool(tenant.projectId, {
      op: "check",
      kind: input.kind,
      template: input.template,
      context: sample,
    });
    if (problems.length > 0) throw new TemplateProblemsError(problems);
    template =
      "html" in input.template
        ? {
            templateSubject: input.template.subject,
            templateBody: input.template.html,
            templateText: input.template.text,
          }
        : { templateSubject: null, templateBody: input.template.text, templateText: null };
  }

  // The URL is sealed with the channel's id, so a new channel's id is chosen first.
  const channelId = existing?.id ?? newId("ch");
  let kindFields: Record<string, string | null>;
  if (input.kind === "email") {
    kindFields = { recipients: JSON.stringify(input.recipients), name: existing?.name ?? "Email" };
  } else {
    if (!input.slackUrl && !existing?.slackUrl) {
      throw new AppError("validation_failed", "Paste the Slack incoming-webhook URL.");
    }
    kindFields = { name: input.name };
    if (input.slackUrl) {
      const sealed = seal(input.slackUrl, slackUrlField(channelId));
      Object.assign(kindFields, { slackUrl: sealed, slackUrlHint: slackUrlHint(input.slackUrl) });
    }
  }

  const data = {
    ...kindFields,
    isEnabled: true,
    templatePreset: input.templatePreset,
    ...template,
    eventTypes: input.eventTypes === null ? null : JSON.stringify(input.eventTypes),
  };
  if (existing) {
    await db.channel.updateMany({ where: { id: existing.id, projectId: tenant.projectId }, data });
  } else {
    await db.channel.create({
      data: { id: channelId, projectId: tenant.projectId, webhookId, kind: input.kind, name: "Email", ...data },
    });
  }
  const details = [
    input.kind === "email"
      ? formatCount(input.recipients.length, "recipient")
      : `channel ${formatSlackChannel(input.name)}`,
    input.kind === "slack" && input.slackUrl ? "new Slack URL" : "",
    input.template ? `edited template (from ${input.templatePreset})` : `template ${input.templatePreset}`,
    input.eventTypes ? formatCount(input.eventTypes.length, "event type") : "all events",
  ];
  await recordAudit(db, tenant, {
    action: "channel.saved",
    targetType: "webhook",
    targetId: webhookId,
    summary: `Saved ${input.kind === "slack" ? "Slack" : "email"} notifications: ${details.filter(Boolean).join(", ")}.`,
  });
  return channelId;
}

export function randomSlackChannelName(): string {
  return `alerts-${randomWebhookName()}`;
}
