import { afterEach, describe, expect, it, vi } from "vitest";
import { JSON_HELPER_MAX, RENDER_MAX_ITERATIONS, RENDER_MAX_OUTPUT } from "./limits";
import { renderEmail } from "./render-email";
import { renderSlackMessage } from "./render-slack";
import { sampleTemplateContext } from "./sample-context";
import { TemplateError } from "./template-error";

const context = sampleTemplateContext("user.created");

function text(source: string, on = context): string {
  return renderEmail({ title: "s", body: "", text: source, facts: "" }, on).text;
}

const PROTOTYPE_TRICKS = [
  "{{constructor}}",
  "{{__proto__}}",
  "{{constructor.name}}",
  '{{#with "x"}}{{constructor.name}}{{/with}}',
  '{{lookup this "constructor"}}',
  '{{lookup (lookup this "constructor") "name"}}',
  "{{#with constructor}}{{name}}{{/with}}",
  "{{#with __proto__}}{{toString}}{{/with}}",
  "{{@root.constructor.name}}",
  "{{event.constructor.constructor}}",
  '{{#with event.data.first_name}}{{#with (lookup this "constructor")}}{{name}}{{/with}}{{/with}}',
  "{{#each event.data.email_addresses}}{{__proto__}}{{constructor}}{{/each}}",
  "{{event.__defineGetter__}}{{event.hasOwnProperty}}{{event.data.email_addresses.map}}",
];

afterEach(() => {
  vi.restoreAllMocks();
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("template sandbox", () => {
  it("never resolves prototype properties, and says nothing on the console", () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    for (const source of PROTOTYPE_TRICKS) expect(text(`[${source}]`), source).toBe("[]");
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("cannot pollute Object.prototype", () => {
    const sources = [
      '{{#with __proto__}}{{#with (lookup this "constructor")}}{{polluted}}{{/with}}{{/with}}',
      "{{#with __proto__ as |p|}}{{p.polluted}}{{/with}}",
      '{{lookup __proto__ "polluted"}}',
    ];
    for (const source of sources) text(source);
    const hostile = sampleTemplateContext("user.created");
    hostile.event = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "data": {"constructor": {"prototype": {"polluted": "yes"}}}}',
    );
    renderEmail(
      { title: "{{event.polluted}}", body: "{{event.data.constructor.prototype.polluted}}", text: "", facts: "" },
      hostile,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps {{log}} off the server console", () => {
    const spies = (["log", "info", "warn", "error"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    expect(text('[{{log "hello" level="error"}}]')).toBe("[]");
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it("refuses value helpers used as blocks, whose output Handlebars would not escape", () => {
    const hostile = sampleTemplateContext("user.created");
    (hostile.event.data as Record<string, unknown>).first_name = "<img src=x onerror=alert(1)> <!channel>";
    for (const source of [
      "{{#default event.data.first_name}}{{/default}}",
      "{{#json event.data}}{{/json}}",
      "x\n  {{#fullName event.data}}{{/fullName}}",
    ]) {
      expect(() => renderEmail({ title: "s", body: source, text: "t", facts: "" }, hostile), source).toThrow(
        /is not a block/,
      );
      expect(() => renderSlackMessage({ title: "", body: source, text: "", facts: "" }, hostile), source).toThrow(
        /is not a block/,
      );
    }
    const error = (() => {
      try {
        renderSlackMessage({ title: "", body: "x\n  {{#json event}}{{/json}}", text: "", facts: "" }, hostile);
      } catch (caught) {
        return caught as TemplateError;
      }
    })();
    expect([error?.line, error?.column]).toEqual([2, 3]);
  });

  it("stops a render that runs past its time budget", () => {
    let clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (clock += 200));
    expect(() =>
      text("{{#each event.data.email_addresses}}{{#each ../event.data.email_addresses}}x{{/each}}{{/each}}"),
    ).toThrow(/longer than 250 ms/);
  });

  it("refuses partials and inline partials", () => {
    expect(() => text("a\n{{> header}}")).toThrow("text, line 2, column 1: Partials ({{> name}}) are not available");
    expect(() => text('{{#*inline "x"}}{{> x}}{{/inline}}')).toThrow(/inline partials/);
    expect(() =>
      renderSlackMessage({ title: "", body: "{{#> layout}}x{{/layout}}", text: "", facts: "" }, context),
    ).toThrow(TemplateError);
  });

  it("stops runaway loops instead of building a huge string", () => {
    const wide = sampleTemplateContext("user.created");
    wide.event.data = { items: Array.from({ length: 2000 }, (_, index) => index) };
    const nested = "{{#each event.data.items}}{{#each ../event.data.items}}x{{/each}}{{/each}}";
    expect(() => text(nested, wide)).toThrow(`Loops ran more than ${RENDER_MAX_ITERATIONS} times`);
    // Array blocks ({{#list}}…{{/list}}) loop through the same guarded helper.
    const implicit = "{{#event.data.items}}{{#../event.data.items}}x{{/../event.data.items}}{{/event.data.items}}";
    expect(() => text(implicit, wide)).toThrow(/Loops ran more than/);
    expect(text("{{#each event.data.items}}.{{/each}}", wide)).toHaveLength(2000);
    wide.event.data = { items: Array(100).fill(0), big: "x".repeat(40_000) };
    expect(() => text("{{#each event.data.items}}{{../event.data.big}}{{/each}}", wide)).toThrow(
      `Loops and helpers produced more than ${RENDER_MAX_OUTPUT} characters`,
    );
  });

  it("charges {{json}} output to the render's budget as it is produced, stopping a repeated dump of a large event", () => {
    const large = sampleTemplateContext("user.created");
    // About 240 KB of JSON, dumped whole 1,000 times by a template without a loop.
    large.event.data = { items: Array.from({ length: 1600 }, (_, i) => ({ id: `item_${i}`, note: "x".repeat(120) })) };
    const repeated = "{{json @root}}".repeat(1000);
    expect(() => renderEmail({ title: "s", body: repeated, text: "", facts: "" }, large)).toThrow(
      `Loops and helpers produced more than ${RENDER_MAX_OUTPUT} characters`,
    );
    // One dump is cut at the helper's own limit, before the whole text is built.
    const once = renderEmail({ title: "s", body: "", text: "{{json @root}}", facts: "" }, large).text;
    expect(once.length).toBe(JSON_HELPER_MAX + 1);
    expect(once.endsWith("…")).toBe(true);
  });

  it("isolates its helpers from the global Handlebars instance", async () => {
    const Handlebars = (await import("handlebars")).default;
    expect(Handlebars.helpers.fullName).toBeUndefined();
    expect(() => Handlebars.compile("{{fullName x}}")({ x: {} })).toThrow(/Missing helper/);
  });

  it("compiles the same source separately per escaping mode", () => {
    const xss = sampleTemplateContext("user.created");
    xss.event.data = { first_name: "<b>" };
    const source = "{{event.data.first_name}}";
    const email = renderEmail({ title: source, body: source, text: source, facts: "" }, xss);
    expect(email).toEqual({ subject: "<b>", html: "&lt;b&gt;", text: "<b>" });
    expect(renderSlackMessage({ title: "", body: source, text: "", facts: "" }, xss).text).toBe("&lt;b&gt;");
  });
});
