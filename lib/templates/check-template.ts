import type { AlertTemplate } from "./alert-template";
import { renderPart } from "./compile-template";
import type { ChannelKind, EmailTemplate, SlackTemplate, TemplateContext } from "./presets";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

/** One thing wrong with a template; `message` is the detail, without the part and position. */
export type TemplateProblem = { part: string; line?: number; column?: number; message: string };

type Part = { part: string; source: unknown; mode: "html" | "plain" | "slack"; required?: string };

/**
 * Everything wrong with a template, found by compiling each part and rendering it with `sample`:
 * syntax errors with line and column, unknown helpers, over-long parts, an empty subject or Slack
 * text. An empty list means the template is fine to save.
 */
export function checkTemplate(
  kind: ChannelKind,
  template: EmailTemplate | SlackTemplate | AlertTemplate,
  sample: TemplateContext,
): TemplateProblem[] {
  const parts: Part[] =
    kind === "slack" && "body" in template
      ? [
          // Header text is plain_text, shown literally by Slack; the other parts are mrkdwn.
          { part: "title", source: template.title, mode: "plain" },
          { part: "body", source: template.body, mode: "slack" },
          { part: "facts", source: template.facts, mode: "slack" },
          { part: "text", source: template.text, mode: "slack" },
        ]
      : kind === "email"
        ? [
            {
              part: "subject",
              source: (template as EmailTemplate).subject,
              mode: "plain",
              required: "The subject is empty.",
            },
            { part: "html", source: (template as EmailTemplate).html, mode: "html" },
            { part: "text", source: (template as EmailTemplate).text, mode: "plain" },
          ]
        : [
            {
              part: "text",
              source: (template as SlackTemplate).text,
              mode: "slack",
              required: "The message is empty.",
            },
          ];
  const problems: TemplateProblem[] = [];
  const data = toTemplateData(sample);
  for (const { part, source, mode, required } of parts) {
    // Length and type are checked by renderPart, with the same wording the worker would use.
    const problem =
      required && typeof source === "string" && !source.trim()
        ? { part, message: required }
        : tryRender(part, source as string, mode, data);
    if (problem) problems.push(problem);
  }
  if (kind === "email") {
    const { html, text } = template as EmailTemplate;
    if (!isFilled(html) && !isFilled(text)) problems.push({ part: "html", message: "Write an HTML or a text body." });
  }
  return problems;
}

function tryRender(
  part: string,
  source: string,
  mode: Part["mode"],
  data: Record<string, unknown>,
): TemplateProblem | undefined {
  try {
    renderPart(part, source, mode, data);
    return undefined;
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const { line, column, detail } = error;
    return { part, message: detail, ...(line ? { line } : {}), ...(column ? { column } : {}) };
  }
}

function isFilled(source: unknown): boolean {
  return typeof source === "string" && source.trim().length > 0;
}
