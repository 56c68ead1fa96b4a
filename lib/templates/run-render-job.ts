import type { AlertTemplate } from "./alert-template";
import { checkTemplate, type TemplateProblem } from "./check-template";
import type { TemplateContext } from "./presets";
import { summarizeEvent } from "./summarize-event";
import { parseEventBody } from "./template-data";
import { TemplateError } from "./template-error";
import { isTemplateFormat, type RenderedByFormat, TEMPLATE_FORMATS, type TemplateFormatId } from "./template-formats";

// What a render thread does with one job (render-thread.ts). Everything crosses threads by structured
// clone, so errors come back as problems (part, line, column, message), never as class instances.

/** A context whose event is still the received body: parsed on the render thread, not the caller's. */
export type JobContext = Omit<TemplateContext, "event"> & ({ event: Record<string, unknown> } | { body: string });

export type RenderJob =
  /** Problems only: the channel form's check before saving. */
  | { op: "check"; kind: TemplateFormatId; template: AlertTemplate; context: JobContext }
  /** Problems, else the rendered alert: previews, and the worker's render before a send. */
  | { op: "render"; kind: TemplateFormatId; template: AlertTemplate; context: JobContext; check?: boolean }
  /** The alert in one line, from the preset for the event's type: the event page. */
  | { op: "summary"; context: JobContext };

/** `kind` of a render job is the template format (email, slack); the alert comes back under its id. */
export type RenderResult = { problems: TemplateProblem[]; summary?: string } & Partial<RenderedByFormat>;

export function runRenderJob(job: RenderJob): RenderResult {
  const context = toContext(job.context);
  if (job.op === "summary") return { problems: [], summary: summarizeEvent(context) };
  if (!isTemplateFormat(job.kind)) throw new Error(`No template format ${String(job.kind)}.`);
  if (job.op === "check" || job.check) {
    const problems = checkTemplate(job.kind, job.template, context);
    if (job.op === "check" || problems.length > 0) return { problems };
  }
  try {
    const rendered = TEMPLATE_FORMATS[job.kind].render(job.template, context);
    return { problems: [], [job.kind]: rendered };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { problems: [toProblem(error)] };
  }
}

export function toProblem({ part, detail, line, column }: TemplateError): TemplateProblem {
  return { part, message: detail, ...(line ? { line } : {}), ...(column ? { column } : {}) };
}

/** A problem in the words of TemplateError's message: "body, line 2, column 5: …". */
export function describeTemplateProblem({ part, line, column, message }: TemplateProblem): string {
  return new TemplateError(part, message, line, column).message;
}

function toContext(context: JobContext): TemplateContext {
  if ("event" in context) return context;
  const { body, ...facts } = context;
  return { ...facts, event: parseEventBody(body) };
}
