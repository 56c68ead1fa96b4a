import { describe, expect, it } from "vitest";
import type { AlertTemplate } from "./alert-template";
import { listPresets, type TemplateContext } from "./presets";
import { renderTeamsMessage } from "./render-teams";
import { sampleTemplateContext } from "./sample-context";
import { byteSize, TEAMS_MAX_BYTES, type TeamsCardElement, type TeamsFactSet, type TeamsMessage } from "./teams-card";
import { teamsEscape } from "./teams-escape";

const NOW = new Date("2026-11-23T14:05:00Z");
const EVENT_URL = "https://hookbell.test/logs/evt_01SAMPLE0000000000000000000";

function contextWith(data: Record<string, unknown>, eventType = "user.created"): TemplateContext {
  const context = sampleTemplateContext(eventType, { now: NOW });
  context.event.data = { ...(context.event.data as Record<string, unknown>), ...data };
  return context;
}

const card = (message: TeamsMessage) => message.attachments[0].content;
const texts = (message: TeamsMessage) =>
  card(message).body.flatMap((element: TeamsCardElement) => (element.type === "TextBlock" ? [element.text] : []));
const facts = (message: TeamsMessage) =>
  (card(message).body.find((element) => element.type === "FactSet") as TeamsFactSet | undefined)?.facts ?? [];
const template = (parts: Partial<AlertTemplate>): AlertTemplate => ({
  title: "",
  body: "",
  text: "",
  facts: "",
  ...parts,
});

describe("the Teams card", () => {
  it("is an Adaptive Card 1.4 in a message envelope: title, context line, body, facts and an Open in Hookbell button", () => {
    const preset = listPresets("teams").find((candidate) => candidate.id === "user-created");
    if (!preset) throw new Error("the user-created preset exists");
    const message = renderTeamsMessage(preset.template, contextWith({}));
    expect(message.type).toBe("message");
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatchObject({
      contentType: "application/vnd.microsoft.card.adaptive",
      contentUrl: null,
    });
    expect(card(message)).toMatchObject({
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      type: "AdaptiveCard",
      version: "1.4",
      msteams: { width: "Full" },
      actions: [{ type: "Action.OpenUrl", title: "Open in Hookbell", url: EVENT_URL }],
    });
    const [title, context, body] = card(message).body;
    expect(title).toEqual({
      type: "TextBlock",
      text: "🎉 New signup: Ada Lovelace",
      wrap: true,
      size: "Large",
      weight: "Bolder",
    });
    expect(context).toMatchObject({ isSubtle: true, size: "Small", wrap: true });
    expect(context.type === "TextBlock" && context.text).toBe(
      "Hookbell · Production Clerk · **production** · 23 Nov 2026, 14:05 UTC",
    );
    expect(body.type === "TextBlock" && body.text).toMatch(/^\*\*Ada Lovelace\*\* just signed up with ada@/);
    expect(facts(message).map((fact) => fact.title)).toEqual(["Name", "Email", "User ID", "Signed up"]);
    expect(message.summary).toMatch(/^New signup: Ada Lovelace \(ada@/);
    expect(card(message).fallbackText).toBe(message.summary);
  });

  it("renders every preset of every event type within Teams' limits, with wrap on every text", () => {
    for (const preset of listPresets("teams")) {
      const message = renderTeamsMessage(
        preset.template,
        sampleTemplateContext(preset.eventType ?? "user.updated", { now: NOW }),
      );
      expect(byteSize(message), preset.id).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
      expect(texts(message)[0], preset.id).not.toBe("");
      expect(message.summary, preset.id).not.toBe("");
      expect(facts(message).length, preset.id).toBeGreaterThan(0);
      for (const element of card(message).body) if (element.type === "TextBlock") expect(element.wrap).toBe(true);
      // No Slack syntax crept into a Teams preset.
      expect(JSON.stringify(message), preset.id).not.toMatch(/:[a-z_]+:|<[^>]*\|/);
    }
  });

  it("keeps a colon inside a fact's value and leaves out a fact whose value is empty", () => {
    const message = renderTeamsMessage(
      template({
        title: "t",
        facts: "Starts: 10:30 UTC\nLink: https://example.com/a:b\nEmpty: {{event.data.nothing}}\nno label here",
      }),
      contextWith({}),
    );
    expect(facts(message)).toEqual([
      { title: "Starts", value: "10:30 UTC" },
      { title: "Link", value: "https://example.com/a:b" },
    ]);
    expect(texts(message)).toContain("no label here");
  });

  it("escapes markdown, mentions, card functions and line breaks in event values, and keeps the template's own markdown", () => {
    const hostile =
      "**Boss** _x_ [click](https://evil.example) <at>everyone</at> @everyone {{DATE(2017-02-14T06:00:00Z, SHORT)}}\n- Admin: yes";
    const message = renderTeamsMessage(
      template({
        title: "{{event.data.first_name}}",
        body: "**Name:** {{event.data.first_name}}",
        facts: "Name: {{event.data.first_name}}",
        text: "{{event.data.first_name}}",
      }),
      contextWith({ first_name: hostile }),
    );
    const escaped =
      "\\*\\*Boss\\*\\* \\_x\\_ \\[click\\](https://evil.example) \\<at\\>everyone\\</at\\> @everyone \\{\\{DATE(2017-02-14T06:00:00Z, SHORT)\\}\\} - Admin: yes";
    expect(texts(message)[0]).toBe(escaped);
    expect(texts(message)[2]).toBe(`**Name:** ${escaped}`);
    // The value's line break became a space: it could not add an "Admin: yes" fact.
    expect(facts(message)).toEqual([{ title: "Name", value: escaped }]);
    // The summary is plain text: shown as it is, never parsed.
    expect(message.summary).toBe(hostile.replace("\n", " "));
  });

  it("escapes a list or heading marker at the start of a value", () => {
    expect(teamsEscape("- item")).toBe("\\- item");
    expect(teamsEscape("1. first")).toBe("1\\. first");
    expect(teamsEscape("# title")).toBe("\\# title");
    expect(teamsEscape("a - b 2. c")).toBe("a - b 2. c");
  });

  it("cuts a huge event to fit under 28 KB, ending the cut texts with …, instead of failing", () => {
    const huge = "x".repeat(200_000);
    const lines = Array.from({ length: 60 }, (_, i) => `Fact ${i}: {{event.data.first_name}}`).join("\n");
    const message = renderTeamsMessage(
      template({
        title: "{{event.data.first_name}}",
        body: "{{event.data.first_name}}",
        facts: lines,
        text: "{{event.data.first_name}}",
      }),
      contextWith({ first_name: huge }),
    );
    expect(byteSize(message)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(byteSize(message)).toBeGreaterThan(TEAMS_MAX_BYTES - 2_000);
    expect(texts(message)[0]).toMatch(/^x+…$/);
    expect(texts(message)[2]).toMatch(/^x+…$/);
    expect(facts(message).at(-1)).toEqual({ title: "…", value: "and 31 more" });
    expect(card(message).actions).toHaveLength(1);
  });

  it("cuts multi-byte text by bytes, not characters, and never leaves an escape hanging before the …", () => {
    const message = renderTeamsMessage(
      template({ body: "{{event.data.first_name}}" }),
      contextWith({ first_name: "🎉*".repeat(20_000) }),
    );
    expect(byteSize(message)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    expect(texts(message)[1]).toMatch(/^(🎉\\\*)+(🎉)?…$/);
  });

  it("falls back to the title as plain text for the summary when the text part is blank", () => {
    const message = renderTeamsMessage(
      template({ title: "**New** signup: {{event.data.first_name}}" }),
      contextWith({ first_name: "a_b*c" }),
    );
    expect(message.summary).toBe("New signup: a_b*c");
    expect(card(message).fallbackText).toBe("New signup: a_b*c");
  });

  it("refuses a message that renders empty, naming the part", () => {
    expect(() => renderTeamsMessage(template({ body: "{{event.data.nothing}}" }), contextWith({}))).toThrow(
      /body: The message is empty for this event; Teams needs some text\./,
    );
  });
});
