import type { EscapeMode } from "./compile-template";
import { TEMPLATE_HELPERS } from "./helpers";
import { TEAMS_ESCAPE_HELPER } from "./teams-escape";
import { RenderProblem } from "./template-error";

type Node = hbs.AST.Node;

function fail(message: string, node: Node): never {
  const start = node.loc?.start;
  throw new RenderProblem(message, start?.line, start ? start.column + 1 : undefined);
}

/**
 * Checks a parsed template before it is compiled, adjusting it in place:
 * - partials and decorators ({{> name}}, {{#*inline}}) are refused: alert templates are single
 *   files, and recursive partials are the one way to loop without {{#each}};
 * - in HTML and Slack templates, {{{value}}} and {{&value}} are escaped like {{value}}, because the
 *   values come from the webhook sender and must never become markup or Slack mentions;
 * - in Teams templates, every {{value}} (and {{{value}}}) is printed through the Teams escape
 *   (teams-escape.ts): Handlebars' own escaping is HTML's and cannot be swapped per template;
 * - value helpers used as blocks ({{#json x}}{{/json}}) are refused: Handlebars never escapes what a
 *   block helper returns, so that form would print sender data raw.
 */
export function vetStatements(body: hbs.AST.Statement[], mode: EscapeMode): void {
  for (const node of body) {
    switch (node.type) {
      case "MustacheStatement":
        if (mode === "teams") throughTeamsEscape(node as hbs.AST.MustacheStatement);
        else if (mode !== "plain") (node as hbs.AST.MustacheStatement).escaped = true;
        break;
      case "BlockStatement": {
        const block = node as hbs.AST.BlockStatement;
        const name = (block.path as hbs.AST.PathExpression).original;
        if (typeof name === "string" && Object.hasOwn(TEMPLATE_HELPERS, name)) {
          fail(
            `{{#${name}}} is not a block: write {{${name} …}}, or use it inside (…) as in {{#if (${name} …)}}.`,
            node,
          );
        }
        if (block.program) vetStatements(block.program.body, mode);
        if (block.inverse) vetStatements(block.inverse.body, mode);
        break;
      }
      case "PartialStatement":
      case "PartialBlockStatement":
        fail("Partials ({{> name}}) are not available in alert templates.", node);
        break;
      case "Decorator":
      case "DecoratorBlock":
        fail("Decorators and inline partials ({{#*inline}}) are not available in alert templates.", node);
        break;
    }
  }
}

/** {{x}} → {{{__teamsEscape x}}}, {{helper a b}} → {{{__teamsEscape (helper a b)}}}. */
function throughTeamsEscape(node: hbs.AST.MustacheStatement): void {
  const { path, params, hash, loc } = node;
  const isCall =
    params.length > 0 ||
    (hash?.pairs.length ?? 0) > 0 ||
    (path.type === "PathExpression" && Object.hasOwn(TEMPLATE_HELPERS, (path as hbs.AST.PathExpression).original));
  const value: hbs.AST.Expression = isCall
    ? ({ type: "SubExpression", path, params, hash, loc } as hbs.AST.SubExpression)
    : path;
  const helper: hbs.AST.PathExpression = {
    type: "PathExpression",
    data: false,
    depth: 0,
    parts: [TEAMS_ESCAPE_HELPER],
    original: TEAMS_ESCAPE_HELPER,
    loc,
  };
  node.path = helper;
  node.params = [value];
  node.hash = undefined as unknown as hbs.AST.Hash;
  node.escaped = false;
}
