import type { AlertTemplate } from "./alert-template";
import { checkTemplate, type TemplateProblem } from "./check-template";
import type { ChannelKind, EmailTemplate, SlackTemplate, TemplateContext } from "./presets";
import { type RenderedEmail, renderEmail } from "./render-email";
import { renderSlack, type SlackMessage } from "./render-slack";
import { parseEventBody } from "./template-data";
import { TemplateError } from "./template-error";

// What a render thread does with one job (render-thread.ts). Everything crosses threads by structured
// clone, so errors come back as problems (part, line, column, message), never as class instances.

/** A context whose event is still the received body: parsed on the render thread, not the caller's. */
export type JobContext = Omit<TemplateContext, "event"> & ({ event: Record<string, unknown> } | { body: string });

export type RenderJob =
  /** Problems only: the channel form's check before saving. */
  | { op: "check"; kind: ChannelKind; template: EmailTemplate | SlackTemplate | AlertTemplate; context: JobContext }
  /** Problems, else the rendered alert: previews, and the worker's render before a send. */
  | { op: "render"; kind: "email"; template: EmailTemplate; context: JobContext; check?: boolean }
  | { op: "render"; kind: "slack"; template: SlackTemplate | AlertTemplate; context: JobContext; check?: boolean };

export type RenderResult = { problems: TemplateProblem[]; email?: RenderedEmail; slack?: SlackMessage };

export function runRenderJob(job: RenderJob): RenderResult {
  const context = toContext(job.context);
  if (job.op === "check" || job.check) {
    const problems = checkTemplate(job.kind, job.template, context);
    if (job.op === "check" || problems.length > 0) return { problems };
  }
  try {
    return job.kind === "email"
      ? { problems: [], email: renderEmail(job.template, context) }
      : { problems: [], slack: renderSlack(job.template, context) };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { problems: [toProblem(error)] };
  }
}

export function toProblem({ part, detail, line, column }: TemplateError): TemplateProblem {
  return { part, message: detail, ...(line ? { line } : {}), ...(column ? { column } : {}) };
}

/** A problem in the words of TemplateError's message: "html, line 2, column 5: …". */
export function describeTemplateProblem({ part, line, column, message }: TemplateProblem): string {
  return new TemplateError(part, message, line, column).message;
}

function toContext(context: JobContext): TemplateContext {
  if ("event" in context) return context;
  const { body, ...facts } = context;
  return { ...facts, event: parseEventBody(body) };
}
