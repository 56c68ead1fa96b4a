// lib/templates/alert-template.ts
/** One alert template for every kind of channel; each part is Handlebars source. */
export type AlertTemplate = {
  /** Email: the subject. Slack: the header block (plain text, ≤ 150 after rendering). */
  title: string;
  /** Email: the HTML body. Slack: the main section (mrkdwn). */
  body: string;
  /** Email: the plain-text part. Slack: the notification `text` fallback (mobile notifications show only it). */
  text: string;
  /** Slack: the key facts, one `Label: value` per line, shown as section fields (≤ 10). Email: "" (unused). */
  facts: string;
};
