import Handlebars, { type HelperDelegate, type HelperOptions } from "handlebars";
import { TEMPLATE_HELPERS } from "./helpers";
import { JSON_TEXT_HELPER, jsonText } from "./json-escape";
import { chargeIterations } from "./render-guard";
import { RenderProblem } from "./template-error";

// One isolated Handlebars environment for all alert templates: helpers registered here never leak
// into (or in from) the global Handlebars object, and its built-ins are tightened for user input.

type Located = HelperOptions & { name?: string; loc?: { start: { line: number; column: number } } };

function createInstance(): typeof Handlebars {
  const hb = Handlebars.create();

  // {{log}} would let a template write to the server console; it stays valid but prints nothing.
  hb.log = () => undefined;

  // The stock "Missing helper" error has no position; the options object knows where the call is.
  hb.registerHelper("helperMissing", (...args: unknown[]) => {
    const options = args[args.length - 1] as Located;
    if (args.length === 1) return undefined;
    const start = options.loc?.start;
    throw new RenderProblem(
      `Unknown helper "${options.name ?? "?"}" — check its spelling (helpers: ${Object.keys(TEMPLATE_HELPERS).join(", ")})`,
      start?.line,
      start ? start.column + 1 : undefined,
    );
  });

  // {{#each}} (also behind {{#list}}…{{/list}} blocks over arrays) is the one way a template can
  // multiply its output, so each iteration is charged to the render budget.
  const each = hb.helpers.each as (this: unknown, ...args: unknown[]) => unknown;
  hb.registerHelper("each", function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as HelperOptions | undefined;
    // Called without a list, the stock helper throws its own clear error ("Must pass iterator to #each").
    if (args.length < 2 || typeof options?.fn !== "function") return each.apply(this, args);
    return each.call(this, args[0], { ...options, fn: chargeIterations(options.fn) });
  } as HelperDelegate);

  for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) hb.registerHelper(name, helper);
  // Wrapped around every value of a "json" template by vet-template.ts; its hash/options argument is last.
  hb.registerHelper(JSON_TEXT_HELPER, (value: unknown) => jsonText(value));
  return hb;
}

export const hb = createInstance();

/**
 * Runtime options of every render. Prototype access stays denied; stating `false` explicitly (rather
 * than leaving it unset) is what keeps Handlebars from logging a console warning on each denied
 * lookup such as {{constructor}}. Never set these to true.
 */
export const RUNTIME_OPTIONS = {
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowedProtoProperties: {},
  allowedProtoMethods: {},
} as const;
