// Teams renders a CommonMark subset in Adaptive Card TextBlocks and facts: **bold**, _italic_, lists
// ("- ", "1. ") and [links](url); the card renderer also expands {{DATE(…)}} and {{TIME(…)}}. A value from
// the event is escaped so none of that can start inside it: markdown punctuation gets a backslash (shown
// as the character itself), a list or heading marker at the start of a line too, and line breaks become
// spaces so a value can neither start a list nor add a "Label: value" line to the facts.

export function teamsEscape(value: string): string {
  return value
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/[\\`*_~[\]<>{}&|]/g, "\\$&")
    .replace(/^(\s*)([-+#=]|\d+(?=[.)]))/, (_, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

/** A template value as Handlebars would print it ({{null}} is blank), escaped for Teams. */
export function teamsEscapeValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  return teamsEscape(typeof value === "string" ? value : String(value));
}
