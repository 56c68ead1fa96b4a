import type { AlertTemplate } from "./alert-template";
import { renderPart } from "./compile-template";
import { cap, EMAIL_HTML_MAX, EMAIL_SUBJECT_MAX, EMAIL_TEXT_MAX } from "./limits";
import type { TemplateContext } from "./presets";
import { toTemplateData } from "./template-data";

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Renders an email alert: the title is the subject, the body the HTML part, the text the plain-text part
 * (facts are Slack's). The HTML escapes every value; the subject and the text escape nothing. Throws
 * TemplateError naming the AlertTemplate part ("title", "body" or "text") that is invalid or fails.
 */
export function renderEmail(template: AlertTemplate, context: TemplateContext): RenderedEmail {
  const data = toTemplateData(context);
  return {
    subject: toSubject(renderPart("title", template.title, "plain", data)),
    html: cap(renderPart("body", template.body, "html", data), EMAIL_HTML_MAX),
    text: cap(renderPart("text", template.text, "plain", data), EMAIL_TEXT_MAX),
  };
}

/**
 * The subject is a mail header: line breaks (and other control characters) would end it early or
 * smuggle in headers, so every run of them becomes one space.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_RUNS = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

function toSubject(rendered: string): string {
  const oneLine = rendered.replace(CONTROL_RUNS, " ").replace(/ {2,}/g, " ").trim();
  return cap(oneLine, EMAIL_SUBJECT_MAX);
}
