import { describe, expect, it } from "vitest";
import type { AlertTemplate } from "./alert-template";
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
      expect(checkTemplate(kind, preset.template, sample)).toEqual([]);
    }
  });

  it("reports a missing helper with its position", () => {
    const problems = checkTemplate(
      "slack",
      { title: "", body: "Hi\n{{shout event.data.first_name}}", text: "", facts: "" },
      sample,
    );
    expect(problems).toEqual([
      { part: "body", line: 2, column: 1, message: expect.stringContaining('Unknown helper "shout"') },
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
    const problems = checkTemplate(
      "email",
      { title: "{{#if x}}", body: "<p>{{/each}}</p>", text: "ok", facts: "" },
      sample,
    );
    expect(problems).toEqual([
      { part: "title", line: 1, column: 10, message: expect.stringContaining("Unexpected end of template") },
      { part: "body", line: 1, column: 4, message: expect.stringContaining("got 'OPEN_ENDBLOCK'") },
    ]);
  });

  it("reports an empty or multi-line subject, an empty Slack message and an email without a body", () => {
    expect(checkTemplate("email", { title: "  ", body: "<p>x</p>", text: "", facts: "" }, sample)).toEqual([
      { part: "title", message: "The subject is empty." },
    ]);
    expect(checkTemplate("email", { title: "New\nBcc: x", body: "<p>x</p>", text: "", facts: "" }, sample)).toEqual([
      { part: "title", message: "The subject must be a single line." },
    ]);
    expect(checkTemplate("slack", { title: " ", body: "\n", text: "", facts: "" }, sample)).toEqual([
      { part: "body", message: "The message is empty." },
    ]);
    expect(checkTemplate("email", { title: "s", body: " ", text: "", facts: "" }, sample)).toEqual([
      { part: "body", message: "Write an HTML or a text body." },
    ]);
  });

  it("reports over-long parts and non-text parts", () => {
    const long = "x".repeat(TEMPLATE_MAX_LENGTH + 5);
    expect(checkTemplate("email", { title: "s", body: "<p>ok</p>", text: long, facts: "" }, sample)).toEqual([
      { part: "text", message: expect.stringContaining(`the limit is ${TEMPLATE_MAX_LENGTH}`) },
    ]);
    expect(
      checkTemplate("slack", { title: "", body: 42, text: "", facts: "" } as unknown as AlertTemplate, sample),
    ).toEqual([{ part: "body", message: "The template must be text." }]);
  });

  it("reports errors that only show with data, such as runaway loops", () => {
    const wide = sampleTemplateContext("user.created");
    wide.event.data = { items: Array(200).fill(1) };
    const source = "{{#each event.data.items}}{{#each ../event.data.items}}x{{/each}}{{/each}}";
    expect(checkTemplate("slack", { title: "", body: source, text: "", facts: "" }, wide)).toEqual([
      { part: "body", message: expect.stringContaining("Loops ran more than") },
    ]);
  });
});
