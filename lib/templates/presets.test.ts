import { describe, expect, it } from "vitest";
import { CLERK_EVENT_TYPES } from "../senders/clerk/clerk-events";
import { AUTO_PRESET_ID, getPreset, listPresets, presetForEvent } from "./presets";
import { renderEmail } from "./render-email";
import { renderSlackMessage } from "./render-slack";
import { sampleTemplateContext } from "./sample-context";

const NOW = new Date("2026-11-23T14:05:00Z");

// The facts each preset must show for its own sample event.
const EXPECTED: Record<string, string[]> = {
  generic: ["user.updated", "user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d"],
  "user-created": ["Ada Lovelace", "ada@example.com", "user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d", "23 Nov 2026, 14:05 UTC"],
  "user-deleted": ["user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d"],
  "user-locked": ["Ada Lovelace", "ada@example.com", "user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d"],
  "session-created": ["Ada Lovelace", "ada@example.com", "Chrome"],
  "organization-created": ["Analytical Engines", "org_2pXq8Lr3Tm6Wv9Yb2Kc5Nd8Pf1g"],
  "organization-membership-created": ["Ada Lovelace", "Analytical Engines", "Member"],
};

describe("presets", () => {
  it("ships the same presets for email and Slack, each tied to its event type", () => {
    for (const kind of ["email", "slack"] as const) {
      const presets = listPresets(kind);
      expect(presets.map((preset) => preset.id)).toEqual(Object.keys(EXPECTED));
      expect(presets.every((preset) => preset.kind === kind)).toBe(true);
    }
    expect(getPreset("email", "user-created")).toMatchObject({ name: "New signup", eventType: "user.created" });
    expect(getPreset("slack", AUTO_PRESET_ID)).toBeUndefined();
    expect(getPreset("email", "nope")).toBeUndefined();
  });

  it("picks the preset for the event type, else the generic one", () => {
    expect(presetForEvent("email", "organizationMembership.created").id).toBe("organization-membership-created");
    expect(presetForEvent("slack", "user.deleted").id).toBe("user-deleted");
    expect(presetForEvent("slack", "user.updated").id).toBe("generic");
    expect(presetForEvent("email", null).id).toBe("generic");
    expect(presetForEvent("email", "").id).toBe("generic");
  });

  it("hands out copies that callers may edit", () => {
    const preset = getPreset("email", "generic");
    if (!preset) throw new Error("generic preset missing");
    preset.template.title = "changed";
    expect(getPreset("email", "generic")?.template.title).not.toBe("changed");
  });

  it("renders every preset with the sample of its event type, showing its key facts", () => {
    for (const preset of listPresets("email")) {
      const context = sampleTemplateContext(preset.eventType ?? "user.updated", { now: NOW });
      const email = renderEmail(preset.template, context);
      for (const fact of EXPECTED[preset.id]) {
        expect(email.html, `${preset.id} html`).toContain(fact);
        expect(email.text, `${preset.id} text`).toContain(fact);
      }
      expect(email.html).toContain(`href="${context.eventUrl}"`);
      expect(email.html).toContain("View event in Hookbell");
      expect(email.html).toContain("Production Clerk");
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.subject).not.toMatch(/[\r\n]/);
    }
    for (const preset of listPresets("slack")) {
      const context = sampleTemplateContext(preset.eventType ?? "user.updated", { now: NOW });
      const message = renderSlackMessage(preset.template, context);
      const types = message.blocks.map((block) => block.type);
      expect(types, preset.id).toEqual(["header", "section", "section", "context", "actions"]);
      const fields = message.blocks.flatMap((block) => (block.type === "section" ? (block.fields ?? []) : []));
      expect(fields.length, preset.id).toBeGreaterThanOrEqual(2);
      for (const field of fields) expect(field.text, preset.id).toMatch(/^\*[^*\n]+\*\n\S/);
      for (const fact of EXPECTED[preset.id]) expect(JSON.stringify(fields), `${preset.id} facts`).toContain(fact);
      expect(message.text.length, preset.id).toBeGreaterThan(10);
      expect(message.text, preset.id).not.toMatch(/\n/);
      expect(message.blocks.at(-1)).toMatchObject({ elements: [{ url: context.eventUrl }] });
    }
  });

  it("renders the generic preset for every catalog type, in both kinds", () => {
    const email = getPreset("email", "generic");
    const slack = getPreset("slack", "generic");
    if (!email || !slack) throw new Error("generic preset missing");
    for (const type of CLERK_EVENT_TYPES) {
      const context = sampleTemplateContext(type, { now: NOW });
      expect(renderEmail(email.template, context).subject).toContain(type);
      expect(renderSlackMessage(slack.template, context).text).toContain(type);
    }
  });

  it("states the New signup Slack alert in one line, in the header and the notification text", () => {
    const preset = getPreset("slack", "user-created");
    if (!preset) throw new Error("user-created preset missing");
    const { text, blocks } = renderSlackMessage(preset.template, sampleTemplateContext("user.created", { now: NOW }));
    expect(text).toBe(":tada: New signup: Ada Lovelace (ada@example.com)");
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: ":tada: New signup: Ada Lovelace", emoji: true },
    });
  });
});
