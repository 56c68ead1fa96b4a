import type { AlertTemplate } from "../../templates/alert-template";
import { renderInPool } from "../../templates/render-in-pool";
import { describeTemplateProblem, type JobContext } from "../../templates/run-render-job";
import type { RenderedByFormat, TemplateFormatId } from "../../templates/template-formats";

/** A kind's render: its format's renderer on the render pool; throws with the problems in words. */
export function renderAs<F extends TemplateFormatId>(format: F) {
  return async (projectId: string, template: AlertTemplate, context: JobContext): Promise<RenderedByFormat[F]> => {
    const result = await renderInPool(projectId, { op: "render", kind: format, template, context });
    const rendered = result[format] as RenderedByFormat[F] | undefined;
    if (!rendered) throw new Error(result.problems.map(describeTemplateProblem).join("; "));
    return rendered;
  };
}
