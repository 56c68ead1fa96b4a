import type { EscapeMode } from "./compile-template";
import { TEMPLATE_HELPERS } from "./helpers";
import { JSON_TEXT_HELPER } from "./json-escape";
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
 * - in JSON templates, every value is routed through jsonText (escaped for inside a JSON string), save
 *   {{json value}}, which writes a whole JSON value by construction;
 * - value helpers used as blocks ({{#json x}}{{/json}}) are refused: Handlebars never escapes what a
 *   block helper returns, so that form would print sender data raw.
 */
export function vetStatements(body: hbs.AST.Statement[], mode: EscapeMode): void {
  for (const node of body) {
    switch (node.type) {
      case "MustacheStatement":
        if (mode === "json") escapeForJson(node as hbs.AST.MustacheStatement);
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

/** {{value}} → {{jsonText value}}, {{helper a b}} → {{jsonText (helper a b)}}; triple-stashes too. */
function escapeForJson(node: hbs.AST.MustacheStatement): void {
  const path = node.path as hbs.AST.PathExpression;
  if (path.type === "PathExpression" && path.original === "json") return;
  const hasArguments = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  const inner: hbs.AST.Expression = hasArguments
    ? ({
        type: "SubExpression",
        path: node.path,
        params: node.params,
        hash: node.hash,
        loc: node.loc,
      } as hbs.AST.SubExpression)
    : node.path;
  node.path = {
    type: "PathExpression",
    data: false,
    depth: 0,
    parts: [JSON_TEXT_HELPER],
    original: JSON_TEXT_HELPER,
    loc: node.loc,
  } as hbs.AST.PathExpression;
  node.params = [inner];
  node.hash = undefined as unknown as hbs.AST.Hash;
}
