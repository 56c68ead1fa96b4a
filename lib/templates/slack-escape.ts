// Slack mrkdwn gives meaning to exactly three characters: & < and >. Escaped, a value can no longer
// form a link, a user mention or a <!channel> ping; every other character is shown as is.

/** Escapes a value for Slack mrkdwn. */
export function slackEscape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Slack templates are rendered with Handlebars' HTML escaping (its escape function cannot be
// swapped per instance), which also encodes " ' ` and =. Slack would show those entities literally,
// so they are turned back into characters. An escaped value can never contain them by accident: its
// own & became &amp;, so "&quot;" in a value arrives as "&amp;quot;", which does not match.
const HTML_ONLY_ENTITIES: Record<string, string> = { "&quot;": '"', "&#x27;": "'", "&#x60;": "`", "&#x3D;": "=" };

export function fromHtmlEscaping(rendered: string): string {
  return rendered.replace(/&quot;|&#x27;|&#x60;|&#x3D;/g, (entity) => HTML_ONLY_ENTITIES[entity] ?? entity);
}
