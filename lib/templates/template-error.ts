// Turns whatever Handlebars throws into a TemplateError that says which part of the template is
// wrong and where, in words a user editing the template can act on.

export class TemplateError extends Error {
  constructor(
    /** Which template part failed: "subject", "html" or "text". */
    readonly part: string,
    /** What went wrong, without the part and position prefix. */
    readonly detail: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${part}${line ? `, line ${line}` : ""}${line && column ? `, column ${column}` : ""}: ${detail}`);
    this.name = "TemplateError";
  }
}

/** Thrown while checking or rendering a template (helpers, limits, forbidden tags); `part` is added later. */
export class RenderProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "RenderProblem";
  }
}

// Jison's parse errors quote ~20 characters either side of the offending token, newlines removed,
// with a caret under the token: "Parse error on line 2:\n...excerpt...\n-----^\nExpecting 'ID', got 'EOF'".
const PARSE_ERROR = /^(?:Parse|Lexical) error on line (\d+)[.:][^\n]*\n([^\n]*)\n(-*)\^(?:\n([\s\S]*))?$/;

export function toTemplateError(part: string, error: unknown, source: string): TemplateError {
  if (error instanceof TemplateError) return error;
  if (error instanceof RenderProblem) return new TemplateError(part, error.message, error.line, error.column);
  if (error instanceof RangeError) return new TemplateError(part, "The template nests blocks or loops too deeply.");
  // Built-in helpers called without their arguments ({{lookup}}) fail on undefined deep inside Handlebars.
  if (error instanceof TypeError) {
    return new TemplateError(part, `A helper is missing arguments or got the wrong kind of value (${error.message}).`);
  }
  const {
    message = String(error),
    lineNumber,
    column,
  } = (error ?? {}) as {
    message?: string;
    lineNumber?: unknown;
    column?: unknown;
  };
  const parsed = PARSE_ERROR.exec(message);
  if (parsed) {
    const position = locateCaret(source, parsed[2], parsed[3].length, Number(parsed[1]));
    return new TemplateError(part, describeParseError(parsed[4] ?? ""), position.line, position.column);
  }
  // Handlebars' own Exception carries a 0-based column and repeats the position at the end of its message.
  if (typeof lineNumber === "number") {
    const detail = message
      .replace(/\s+-\s+\d+:\d+$/, "")
      .replace(/^(\S+) doesn't match (\S+)$/, "{{#$1}} is closed by {{/$2}}; blocks must close in reverse order");
    return new TemplateError(part, detail, lineNumber, typeof column === "number" ? column + 1 : undefined);
  }
  return new TemplateError(part, message);
}

function describeParseError(tail: string): string {
  if (!tail) return "Handlebars cannot read the text here (a stray control character?)";
  const got = /got '([^']*)'/.exec(tail)?.[1];
  if (got === "EOF")
    return "Unexpected end of template: a block or tag is not closed (missing {{/if}}, {{/each}} or }}?)";
  if (got === "INVALID") return "Parse error — this tag is not valid Handlebars (unclosed {{ or a stray character?)";
  const expected = /Expecting (.*), got/.exec(tail)?.[1]?.split(", ") ?? [];
  const list = expected.length > 4 ? `${expected.slice(0, 4).join(", ")}, …` : expected.join(", ");
  return `Parse error — expecting ${list || "something else"}, got '${got ?? "?"}'`;
}

/**
 * Finds the source offset the excerpt's caret points at by rebuilding the excerpt Jison would print for
 * each candidate offset; when several match, the one on the reported line wins.
 */
function locateCaret(source: string, excerpt: string, caret: number, reportedLine: number) {
  const before = excerpt.slice(0, caret);
  const after = excerpt.slice(caret);
  let best: { line: number; column: number } | undefined;
  for (let offset = 0; offset <= source.length; offset++) {
    const past = source.slice(0, offset);
    if ((past.length > 20 ? "..." : "") + past.slice(-20).replace(/\n/g, "") !== before) continue;
    const upcoming = source.slice(offset, offset + 20).replace(/\n/g, "");
    if (after !== upcoming && after !== `${upcoming}...`) continue;
    const line = past.split("\n").length;
    const position = { line, column: offset - (past.lastIndexOf("\n") + 1) + 1 };
    if (line === reportedLine) return position;
    best ??= position;
  }
  return best ?? { line: reportedLine, column: undefined };
}
