import type { AlertTemplate } from "./alert-template";
import { checkTemplate, type TemplateProblem } from "./check-template";
import type { ChannelKind, EmailTemplate, TemplateContext } from "./presets";
import { type RenderedEmail, renderEmail } from "./render-email";
import { renderSlackMessage, type SlackMessage } from "./render-slack";
import { summarizeEvent } from "./summarize-event";
import { parseEventBody } from "./template-data";
import { TemplateError } from "./template-error";

// What a render thread does with one job (render-thread.ts). Everything crosses threads by structured
// clone, so errors come back as problems (part, line, column, message), never as class instances.

/** A context whose event is still the received body: parsed on the render thread, not the caller's. */
export type JobContext = Omit<TemplateContext, "event"> & ({ event: Record<string, unknown> } | { body: string });

export type RenderJob =
  /** Problems only: the channel form's check before saving. */
  | { op: "check"; kind: ChannelKind; template: AlertTemplate; context: JobContext }
  /** Problems, else the rendered alert: previews, and the worker's render before a send. */
  | { op: "render"; kind: ChannelKind; template: AlertTemplate; context: JobContext; check?: boolean }
  /** The alert in one line, from the preset for the event's type: the event page. */
  | { op: "summary"; context: JobContext };

export type RenderResult = {
  problems: TemplateProblem[];
  email?: RenderedEmail;
  slack?: SlackMessage;
  summary?: string;
};

export function runRenderJob(job: RenderJob): RenderResult {
  const context = toContext(job.context);
  if (job.op === "summary") return { problems: [], summary: summarizeEvent(context) };
  if (job.op === "check" || job.check) {
    const problems = checkTemplate(job.kind, rendererInput(job.kind, job.template), context);
    if (job.op === "check" || problems.length > 0) return { problems: problems.map((p) => inAlertTerms(job.kind, p)) };
  }
  try {
    return job.kind === "email"
      ? { problems: [], email: renderEmail(emailParts(job.template), context) }
      : { problems: [], slack: renderSlackMessage(job.template, context) };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { problems: [inAlertTerms(job.kind, toProblem(error))] };
  }
}

// The email renderer still takes its own shape (subject, html, text); this shim goes once it takes an
// AlertTemplate. Slack's renderer takes the AlertTemplate and names problems by its parts already.
function emailParts(template: AlertTemplate): EmailTemplate {
  return { subject: template.title, html: template.body, text: template.text };
}

/** A problem named by the AlertTemplate part it is in (the email renderer names its own parts). */
function inAlertTerms(kind: ChannelKind, problem: TemplateProblem): TemplateProblem {
  if (kind !== "email") return problem;
  const part = ({ subject: "title", html: "body" } as Record<string, string>)[problem.part];
  return part ? { ...problem, part } : problem;
}

function rendererInput(kind: ChannelKind, template: AlertTemplate): EmailTemplate | AlertTemplate {
  return kind === "email" ? emailParts(template) : template;
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
