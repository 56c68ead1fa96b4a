import { describe, expect, it } from "vitest";
import { checkTemplate } from "./check-template";
import { listPresets, type TemplateContext } from "./presets";
import { renderWebhookRequest, WEBHOOK_BODY_MAX } from "./render-webhook";
import { sampleTemplateContext } from "./sample-context";
import { TemplateError } from "./template-error";

const NOW = new Date("2026-11-23T14:05:00Z");
const blank = { title: "", body: "", text: "", facts: "" };
const withBody = (body: string) => ({ ...blank, body });

function hostile(): TemplateContext {
  const context = sampleTemplateContext("user.created", { now: NOW });
  const data = context.event.data as Record<string, unknown>;
  data.first_name = 'Ada "@everyone" \\ <b>bold</b> *md* \n\t\u0000\u2028 end';
  data.last_name = "x".repeat(60_000);
  return context;
}

describe("the signed webhook's body", () => {
  it("sends every preset as the event in Hookbell's envelope (type, timestamp, data, hookbell)", () => {
    const presets = listPresets("webhook");
    expect(presets.map((preset) => preset.id)).toEqual(listPresets("slack").map((preset) => preset.id));
    for (const preset of presets) {
      expect(preset.template).toEqual(blank);
      const context = sampleTemplateContext(preset.eventType ?? "user.updated", { now: NOW });
      const { body, custom } = renderWebhookRequest(preset.template, context);
      expect(custom).toBe(false);
      expect(JSON.parse(body)).toEqual({
        type: context.eventType,
        timestamp: context.receivedAt,
        data: context.event,
        hookbell: {
          event_id: context.eventId,
          webhook: { id: context.webhook.id, name: context.webhook.name },
          environment: context.webhook.environment,
          received_at: context.receivedAt,
          event_url: context.eventUrl,
        },
      });
    }
  });

  it("passes hostile and huge values through the envelope whole, as data", () => {
    const context = hostile();
    const { body } = renderWebhookRequest(blank, context);
    expect(JSON.parse(body).data).toEqual(context.event);
  });

  it("escapes every value for inside a JSON string, triple-stashes too, so the body stays valid JSON", () => {
    const context = hostile();
    const template = withBody(
      '{"a": "{{event.data.first_name}}", "b": "{{{event.data.first_name}}}", "c": "{{default event.data.nope "-"}}"}',
    );
    const { body, custom } = renderWebhookRequest(template, context);
    const data = context.event.data as Record<string, unknown>;
    expect(custom).toBe(true);
    expect(JSON.parse(body)).toEqual({ a: data.first_name, b: data.first_name, c: "-" });
  });

  it("writes {{json value}} as a JSON value, and objects placed in strings as their JSON text", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    const template = withBody(
      '{"emails": {{json event.data.email_addresses}}, "as_text": "{{event.data.email_addresses}}" }',
    );
    const parsed = JSON.parse(renderWebhookRequest(template, context).body);
    const emails = (context.event.data as Record<string, unknown>).email_addresses;
    expect(parsed.emails).toEqual(emails);
    expect(JSON.parse(parsed.as_text)).toEqual(emails);
  });

  it("refuses a body that is not JSON, naming the body part, and accepts an all-empty template", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    expect(() => renderWebhookRequest(withBody('{"name": {{event.data.first_name}} }'), context)).toThrow(
      TemplateError,
    );
    expect(() => renderWebhookRequest(withBody("{{#if nothing}}{}{{/if}}"), context)).toThrow("The JSON body is empty");
    const problems = checkTemplate("webhook", withBody('{"name": {{event.data.first_name}} }'), context);
    expect(problems).toEqual([{ part: "body", message: expect.stringMatching(/^The body is not valid JSON/) }]);
    expect(checkTemplate("webhook", blank, context)).toEqual([]);
  });

  it("refuses a custom body past its size limit instead of cutting it into invalid JSON", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    (context.event.data as Record<string, unknown>).bio = "y".repeat(40_000);
    const template = withBody(`[${Array.from({ length: 8 }, () => '"{{event.data.bio}}"').join(",")}]`);
    expect(() => renderWebhookRequest(template, context)).toThrow(`the limit is ${WEBHOOK_BODY_MAX}`);
  });
});
