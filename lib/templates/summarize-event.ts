import { renderPart } from "./compile-template";
import { cap, SUMMARY_MAX } from "./limits";
import { presetForEvent, presetSummarySource, type TemplateContext } from "./presets";
import { toTemplateData } from "./template-data";
import { TemplateError } from "./template-error";

// The alert stated in one line ("New signup: Ada Lovelace (ada@example.com)"), for the event page. It has
// its own files (templates/summary/<preset>.hbs) rather than reusing the email subjects: a subject is the
// channel's own, editable per event type and tagged with the environment, while the summary is Hookbell's
// fixed statement of what happened. The payload is the sender's, so this runs on the render pool
// (op "summary" in run-render-job.ts) under the same budget and deadline as any alert.

const sources = new Map<string, string>();

function summarySource(presetId: string): string {
  let source = sources.get(presetId);
  if (source === undefined) {
    source = presetSummarySource(presetId);
    sources.set(presetId, source);
  }
  return source;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const BREAKS = /[\u0000-\u001f\u007f\u2028\u2029\s]+/g;

/** The one-line summary of the alert for `context`'s event: plain text, at most SUMMARY_MAX characters. */
export function summarizeEvent(context: TemplateContext): string {
  const fallback = context.eventType || "Event without a type";
  let line: string;
  try {
    const source = summarySource(presetForEvent("email", context.eventType, context.webhook.sender).id);
    line = renderPart("summary", source, "plain", toTemplateData(context));
  } catch (error) {
    // A payload can spend the render budget (a name of 50,000 characters); the page still says something.
    if (!(error instanceof TemplateError)) throw error;
    line = fallback;
  }
  const oneLine = line.replace(BREAKS, " ").trim();
  return cap(oneLine || fallback, SUMMARY_MAX);
}
