import type { Tenant } from "../auth/tenant";
import { AppError } from "../errors";
import { joinSentences } from "../format/join-sentences";
import type { TemplateProblem } from "../templates/check-template";
import { renderInPool } from "../templates/render-in-pool";
import { sampleTemplateContext } from "../templates/sample-context";
import type { TemplateChange } from "./channel-input";
import type { AnyChannelKind } from "./kinds/channel-kind";
import { templateFor } from "./template-for";

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
 * Every edited template of a save must compile and render a sample of the event type it is for (the
 * channel's first chosen type for its default), else the save is refused with part, line and column.
 * Rendered on the render pool: a template is tenant code, however small the sample.
 */
export async function vetTemplates(
  tenant: Tenant,
  webhook: { id: string; name: string; environment: string; provider?: string | null },
  kind: AnyChannelKind,
  changes: TemplateChange[],
  eventTypes: string[] | null,
): Promise<void> {
  for (const change of changes) {
    if (change.template === null) continue;
    const sampleType = change.eventType === "*" ? (eventTypes?.[0] ?? "user.created") : change.eventType;
    const row = { ...change, ...change.template };
    const { template } = templateFor({ kind: kind.kind, templates: [row] }, change.eventType, webhook.provider);
    const { problems } = await renderInPool(tenant.projectId, {
      op: "check",
      kind: kind.format,
      template,
      context: sampleTemplateContext(sampleType, { webhook }),
    });
    if (problems.length > 0) throw new TemplateProblemsError(problems);
  }
}
