import { z } from "zod";
import { TEMPLATE_MAX_LENGTH } from "./limits";

/** One alert template for every kind of channel; each part is Handlebars source. */
export type AlertTemplate = {
  /** Email: the subject. Slack: the header block (plain text, ≤ 150 after rendering). */
  title: string;
  /** Email: the HTML body. Slack: the main section (mrkdwn). */
  body: string;
  /** Email: the plain-text part. Slack: the notification `text` fallback. */
  text: string;
  /** Slack: the key facts, one `Label: value` per line, shown as section fields (≤ 10). Email: "" (unused). */
  facts: string;
};

// Over-long parts are refused by the renderer's check with the part's name; the cap here only keeps a
// request from carrying megabytes into that check.
const Part = z.string().max(TEMPLATE_MAX_LENGTH * 4);

/**
 * The one shape of a template at every boundary: the API, the dialog, the database columns and the
 * renderers. A part left out is "" (an email has no facts, a Slack message may have no title).
 */
export const alertTemplateSchema = z.strictObject({
  title: Part.default(""),
  body: Part.default(""),
  text: Part.default(""),
  facts: Part.default(""),
});

/** The stored columns of a template row: a null part renders the preset's. */
export type AlertTemplateColumns = {
  title: string | null;
  body: string | null;
  text: string | null;
  facts: string | null;
};

/** The template a row renders: its own parts, the preset's where it has none. */
export function toAlertTemplate(columns: AlertTemplateColumns, preset: AlertTemplate): AlertTemplate {
  return {
    title: columns.title ?? preset.title,
    body: columns.body ?? preset.body,
    text: columns.text ?? preset.text,
    facts: columns.facts ?? preset.facts,
  };
}

/** The columns that store `template` whole; null stores no parts, so the row follows its preset. */
export function fromAlertTemplate(template: AlertTemplate | null): AlertTemplateColumns {
  if (template === null) return { title: null, body: null, text: null, facts: null };
  const { title, body, text, facts } = alertTemplateSchema.parse(template);
  return { title, body, text, facts };
}
