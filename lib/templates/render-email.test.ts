import { describe, expect, it } from "vitest";
import { EMAIL_HTML_MAX, EMAIL_SUBJECT_MAX, EMAIL_TEXT_MAX } from "./limits";
import type { TemplateContext } from "./presets";
import { renderEmail } from "./render-email";
import { sampleTemplateContext } from "./sample-context";

const XSS = "<img src=x onerror=alert(1)>";

function contextWith(data: Record<string, unknown>): TemplateContext {
  const context = sampleTemplateContext("user.created");
  context.event.data = { ...(context.event.data as Record<string, unknown>), ...data };
  return context;
}

describe("renderEmail", () => {
  it("HTML-escapes values in the HTML body, including through helpers and triple braces", () => {
    const context = contextWith({ first_name: XSS, last_name: null });
    const html =
      "<p>{{event.data.first_name}}|{{fullName event.data}}|{{{event.data.first_name}}}|{{&event.data.first_name}}</p>";
    const email = renderEmail({ title: "s", body: html, text: "", facts: "" }, context);
    expect(email.html).not.toContain("<img");
    expect(email.html).toBe(`<p>${Array(4).fill("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;").join("|")}</p>`);
  });

  it("keeps the template's own markup", () => {
    const email = renderEmail(
      { title: "s", body: '<a href="{{eventUrl}}">View</a>', text: "", facts: "" },
      contextWith({}),
    );
    expect(email.html).toBe('<a href="https://hookbell.test/logs/evt_01SAMPLE0000000000000000000">View</a>');
  });

  it("escapes nothing in the subject and text body", () => {
    const context = contextWith({ first_name: 'Tom & "Jerry"', last_name: XSS });
    const email = renderEmail(
      { title: "Hi {{event.data.first_name}}", body: "", text: "{{fullName event.data}}", facts: "" },
      context,
    );
    expect(email.subject).toBe('Hi Tom & "Jerry"');
    expect(email.text).toBe(`Tom & "Jerry" ${XSS}`);
  });

  it("collapses line breaks in the subject so no header can be injected", () => {
    const context = contextWith({ first_name: "Ada\r\nBcc: victim@example.com\n\nbody", last_name: null });
    const email = renderEmail({ title: "New: {{event.data.first_name}}\r\n", body: "", text: "", facts: "" }, context);
    expect(email.subject).toBe("New: Ada Bcc: victim@example.com body");
    expect(email.subject).not.toMatch(/[\r\n]/);
    const odd = contextWith({ first_name: "a\u2028b\tc\u0000d" });
    expect(renderEmail({ title: "{{event.data.first_name}}", body: "", text: "", facts: "" }, odd).subject).toBe(
      "a b c d",
    );
  });

  it("caps each rendered part", () => {
    const context = contextWith({ first_name: "x".repeat(45_000) });
    const many = (n: number) => "{{event.data.first_name}}".repeat(n);
    const email = renderEmail({ title: many(1), body: many(5), text: many(3), facts: "" }, context);
    expect(email.subject).toHaveLength(EMAIL_SUBJECT_MAX);
    expect(email.subject.endsWith("…")).toBe(true);
    expect(email.html).toHaveLength(EMAIL_HTML_MAX);
    expect(email.text).toHaveLength(EMAIL_TEXT_MAX);
  });

  it("does not cut a character in half when capping", () => {
    const context = contextWith({ first_name: `${"x".repeat(EMAIL_SUBJECT_MAX - 2)}😀😀` });
    const { subject } = renderEmail({ title: "{{event.data.first_name}}", body: "", text: "", facts: "" }, context);
    expect(subject).toBe(`${"x".repeat(EMAIL_SUBJECT_MAX - 2)}…`);
  });

  it("renders missing fields as empty", () => {
    const email = renderEmail(
      { title: "[{{event.data.nope.deeper}}]", body: "", text: "[{{webhook.nope}}]", facts: "" },
      contextWith({}),
    );
    expect(email).toMatchObject({ subject: "[]", text: "[]" });
  });
});
