import { describe, expect, it } from "vitest";
import { checkTemplate } from "./check-template";
import { TEMPLATE_MAX_LENGTH } from "./limits";
import { getPreset } from "./presets";
import { sampleTemplateContext } from "./sample-context";

const sample = sampleTemplateContext("user.created");

describe("checkTemplate", () => {
  it("accepts the presets", () => {
    for (const kind of ["email", "slack"] as const) {
      const preset = getPreset(kind, "user-created");
      if (!preset) throw new Error("preset missing");
      const { title, body, text } = preset.template;
      // The checker still takes the renderers' shapes (until they take an AlertTemplate).
      const parts = kind === "email" ? { subject: title, html: body, text } : { text: body };
      expect(checkTemplate(kind, parts, sample)).toEqual([]);
    }
  });

  it("reports a missing helper with its position", () => {
    const problems = checkTemplate("slack", { text: "Hi\n{{shout event.data.first_name}}" }, sample);
    expect(problems).toEqual([
      { part: "text", line: 2, column: 1, message: expect.stringContaining('Unknown helper "shout"') },
    ]);
  });

  it("checks every part of a Slack Block Kit template, naming each broken one", () => {
    const problems = checkTemplate(
      "slack",
      { title: "{{#if x}}", body: "ok", text: "ok", facts: "Name: {{shout event.data.first_name}}" },
      sample,
    );
    expect(problems).toEqual([
      { part: "title", line: 1, column: 10, message: expect.stringContaining("Unexpected end of template") },
      { part: "facts", line: 1, column: 7, message: expect.stringContaining('Unknown helper "shout"') },
    ]);
  });

  it("reports every broken part of an email at once", () => {
    const problems = checkTemplate("email", { subject: "{{#if x}}", html: "<p>{{/each}}</p>", text: "ok" }, sample);
    expect(problems).toEqual([
      { part: "subject", line: 1, column: 10, message: expect.stringContaining("Unexpected end of template") },
      { part: "html", line: 1, column: 4, message: expect.stringContaining("got 'OPEN_ENDBLOCK'") },
    ]);
  });

  it("reports an empty subject, an empty Slack text and an email without a body", () => {
    expect(checkTemplate("email", { subject: "  ", html: "<p>x</p>", text: "" }, sample)).toEqual([
      { part: "subject", message: "The subject is empty." },
    ]);
    expect(checkTemplate("slack", { text: "\n" }, sample)).toEqual([
      { part: "text", message: "The message is empty." },
    ]);
    expect(checkTemplate("email", { subject: "s", html: " ", text: "" }, sample)).toEqual([
      { part: "html", message: "Write an HTML or a text body." },
    ]);
  });

  it("reports over-long parts and non-text parts", () => {
    const long = "x".repeat(TEMPLATE_MAX_LENGTH + 5);
    expect(checkTemplate("email", { subject: "s", html: "<p>ok</p>", text: long }, sample)).toEqual([
      { part: "text", message: expect.stringContaining(`the limit is ${TEMPLATE_MAX_LENGTH}`) },
    ]);
    expect(checkTemplate("slack", { text: 42 } as unknown as { text: string }, sample)).toEqual([
      { part: "text", message: "The template must be text." },
    ]);
  });

  it("reports errors that only show with data, such as runaway loops", () => {
    const wide = sampleTemplateContext("user.created");
    wide.event.data = { items: Array(200).fill(1) };
    const source = "{{#each event.data.items}}{{#each ../event.data.items}}x{{/each}}{{/each}}";
    expect(checkTemplate("slack", { text: source }, wide)).toEqual([
      { part: "text", message: expect.stringContaining("Loops ran more than") },
    ]);
  });
});
