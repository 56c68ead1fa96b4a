import { escapeDiscordValue } from "./discord-escape";
import { hb, RUNTIME_OPTIONS } from "./handlebars-instance";
import { TEMPLATE_MAX_LENGTH } from "./limits";
import { notePartRender, withRenderBudget } from "./render-guard";
import { teamsEscapeValue } from "./teams-escape";
import { TemplateError, toTemplateError } from "./template-error";
import { vetStatements } from "./vet-template";

/**
 * "html": values HTML-escaped. "html-line": the same, and a line break in a value becomes a space, for parts
 * read line by line ("Label: value" facts), where a value must not add a line of its own. "plain": nothing escaped (subjects, text bodies). "slack": values
 * escaped by Handlebars, then the entities Slack does not need are turned back (see slack-escape.ts).
 * "discord": values escaped for Discord markdown instead of HTML (discord-escape.ts).
 * "teams": values markdown-escaped for Teams' Adaptive Cards (teams-escape.ts).
 * "json": values escaped for inside a JSON string (vet-template.ts routes each through jsonText), so a
 * name holding `"` or `\` keeps a signed webhook's JSON body valid; {{json value}} writes a JSON value.
 */
export type EscapeMode = "html" | "html-line" | "plain" | "slack" | "discord" | "discord-line" | "teams" | "json";

type Compiled = (data: Record<string, unknown>) => string;

/** The two compiler stages Handlebars runs inside compile(), which its types do not declare. */
type HandlebarsCompilers = {
  Compiler: new () => { compile(ast: unknown, options: object): unknown };
  JavaScriptCompiler: new () => {
    compile(
      environment: unknown,
      options: object,
      context: undefined,
      asObject: true,
    ): Parameters<typeof hb.template>[0];
  };
};

const CACHE_LIMIT = 500;
const cache = new Map<string, Compiled>();

/** Renders one template part against prepared template data; throws TemplateError naming `part`. */
export function renderPart(part: string, source: string, mode: EscapeMode, data: Record<string, unknown>): string {
  const compiled = compilePart(part, source, mode);
  notePartRender(part, "start");
  try {
    return withRenderBudget(() => compiled(data));
  } catch (error) {
    throw toTemplateError(part, error, source);
  } finally {
    notePartRender(part, "end");
  }
}

/** Parses and checks one template part (cached by source), throwing TemplateError when it is not valid. */
export function compilePart(part: string, source: string, mode: EscapeMode): Compiled {
  if (typeof source !== "string") throw new TemplateError(part, "The template must be text.");
  if (source.length > TEMPLATE_MAX_LENGTH) {
    throw new TemplateError(
      part,
      `The template is ${source.length} characters long; the limit is ${TEMPLATE_MAX_LENGTH}.`,
    );
  }
  const key = `${mode}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-inserting keeps the Map in least-recently-used order for eviction below.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let compiled: Compiled;
  try {
    const ast = hb.parseWithoutProcessing(source);
    vetStatements(ast.body, mode);
    // Compiled now, as hb.compile would on the first render: compiling is bounded by the template's size
    // and must not count against the render's deadline (render-pool.ts).
    const options = { data: true, noEscape: mode === "plain" || mode === "json" };
    const compilers = hb as unknown as HandlebarsCompilers;
    const environment = new compilers.Compiler().compile(ast, options);
    const spec = new compilers.JavaScriptCompiler().compile(environment, options, undefined, true);
    const escapeValue = VALUE_ESCAPES[mode];
    if (escapeValue) escapeValuesWith(spec, escapeValue);
    const template = hb.template(spec);
    compiled = (data) => template(data, RUNTIME_OPTIONS);
  } catch (error) {
    throw toTemplateError(part, error, source);
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, compiled);
  return compiled;
}

/** Modes whose values are escaped for the destination's markup instead of HTML. */
const VALUE_ESCAPES: Partial<Record<EscapeMode, (value: unknown) => string>> = {
  "html-line": (value) => flattenLines(hb.Utils.escapeExpression(value as string)),
  discord: escapeDiscordValue,
  "discord-line": (value) => flattenLines(escapeDiscordValue(value)),
  teams: teamsEscapeValue,
};

/** A value's line breaks as one space: in a part read line by line, a value never adds a line. */
function flattenLines(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

type TemplateSpec = Parameters<typeof hb.template>[0] & {
  main: (this: unknown, container: { escapeExpression: (value: unknown) => string }, ...rest: unknown[]) => string;
};

/**
 * Handlebars escapes every {{value}} through its runtime container's escapeExpression, which is HTML's for
 * every instance. The container is made per compiled template and shared by all its blocks, so setting it
 * as the template starts gives this one template another escaping, and no other template is touched.
 */
function escapeValuesWith(spec: Parameters<typeof hb.template>[0], escapeValue: (value: unknown) => string): void {
  const compiled = spec as TemplateSpec;
  const main = compiled.main;
  compiled.main = function (this: unknown, container, ...rest) {
    container.escapeExpression = escapeValue;
    return main.call(this, container, ...rest);
  };
}
