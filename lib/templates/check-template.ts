import type { AlertTemplate } from "./alert-template";
import { type EscapeMode, renderPart } from "./compile-template";
import type { TemplateContext } from "./presets";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";
import { TEMPLATE_FORMATS, type TemplateFormatId } from "./template-formats";

/** One thing wrong with a template; `message` is the detail, without the part and position. */
export type TemplateProblem = { part: string; line?: number; column?: number; message: string };

/**
 * Everything wrong with a template in `format`, found by compiling each part the format uses and
 * rendering it with `sample`: syntax errors with line and column, unknown helpers, over-long parts, a
 * blank or multi-line subject. Problems are named by AlertTemplate part. An empty list: fine to save.
 */
export function checkTemplate(
  format: TemplateFormatId,
  template: AlertTemplate,
  sample: TemplateContext,
): TemplateProblem[] {
  const { parts, checkWhole } = TEMPLATE_FORMATS[format];
  const problems: TemplateProblem[] = [];
  const data = toTemplateData(sample);
  for (const { part, mode, required, singleLine, checkRendered } of parts) {
    const source: unknown = template[part];
    // Length and type are checked by renderPart, with the same wording the worker would use.
    const problem =
      required && typeof source === "string" && !source.trim()
        ? { part, message: required }
        : singleLine && typeof source === "string" && /[\r\n]/.test(source)
          ? { part, message: singleLine }
          : tryRender(part, source as string, mode, data, checkRendered);
    if (problem) problems.push(problem);
  }
  const whole = checkWhole?.(template);
  if (whole) problems.push(whole);
  return problems;
}

function tryRender(
  part: string,
  source: string,
  mode: EscapeMode,
  data: Record<string, unknown>,
  checkRendered?: (rendered: string, source: string) => string | undefined,
): TemplateProblem | undefined {
  try {
    const rendered = renderPart(part, source, mode, data);
    const problem = checkRendered?.(rendered, source);
    return problem ? { part, message: problem } : undefined;
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const { line, column, detail } = error;
    return { part, message: detail, ...(line ? { line } : {}), ...(column ? { column } : {}) };
  }
}
