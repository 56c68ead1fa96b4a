import { parse } from "discord-markdown-parser";
import { describe, expect, it } from "vitest";
import type { AlertTemplate } from "./alert-template";
import { discordEscape } from "./discord-escape";
import { listPresets, type TemplateContext } from "./presets";
import {
  DISCORD_COLORS,
  DISCORD_CONTENT_MAX,
  DISCORD_DESCRIPTION_MAX,
  DISCORD_EMBED_TOTAL_MAX,
  DISCORD_FIELD_NAME_MAX,
  DISCORD_FIELD_VALUE_MAX,
  DISCORD_MAX_FIELDS,
  DISCORD_TITLE_MAX,
  type DiscordMessage,
  embedLength,
  renderDiscordMessage,
} from "./render-discord";
import { renderSlackMessage } from "./render-slack";
import { sampleTemplateContext } from "./sample-context";

const NOW = new Date("2026-11-23T14:05:00Z");

function contextWith(eventType: string, data: Record<string, unknown>): TemplateContext {
  const context = sampleTemplateContext(eventType, { now: NOW });
  context.event.data = { ...(context.event.data as Record<string, unknown>), ...data };
  return context;
}

const template = (parts: Partial<AlertTemplate>): AlertTemplate => ({
  title: "",
  body: "",
  text: "",
  facts: "",
  ...parts,
});

/** Every piece of text Discord would parse as markdown. */
function markdownTexts(message: DiscordMessage): string[] {
  const [embed] = message.embeds;
  return [
    message.content ?? "",
    embed.title ?? "",
    embed.description ?? "",
    ...embed.fields.flatMap((field) => [field.name, field.value]),
  ];
}

/** The node types Discord's own markdown grammar finds in `text` (text and line breaks are inert). */
function formattingIn(text: string): string[] {
  const found: string[] = [];
  const walk = (nodes: unknown) => {
    for (const node of Array.isArray(nodes) ? nodes : [nodes]) {
      const { type, content } = node as { type: string; content?: unknown };
      if (type !== "text" && type !== "br" && type !== "escape") found.push(type);
      if (Array.isArray(content)) walk(content);
    }
  };
  walk(parse(text, "extended"));
  return found;
}

describe("the Discord presets", () => {
  for (const preset of listPresets("discord")) {
    it(`renders ${preset.id} as an embed with a title, fields, the family colour and the footer`, () => {
      const eventType = preset.eventType ?? "email.created";
      const message = renderDiscordMessage(preset.template, sampleTemplateContext(eventType, { now: NOW }));
      const [embed] = message.embeds;
      expect(message.embeds).toHaveLength(1);
      expect(message.username).toBe("Hookbell");
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(embed.title?.length).toBeGreaterThan(5);
      expect(embed.url).toBe("https://hookbell.test/logs/evt_01SAMPLE0000000000000000000");
      expect(embed.description?.length).toBeGreaterThan(5);
      expect(embed.fields.length).toBeGreaterThanOrEqual(2);
      for (const field of embed.fields) expect(field.value.trim()).not.toBe("");
      expect(embed.footer.text).toBe("Production Clerk · production");
      expect(embed.timestamp).toBe(NOW.toISOString());
      const family = eventType.split(".")[0].startsWith("organization") ? "organization" : eventType.split(".")[0];
      expect(embed.color).toBe(DISCORD_COLORS[family as keyof typeof DISCORD_COLORS] ?? DISCORD_COLORS.other);
      // Slack's shortcodes are not Discord's: a webhook message shows ":tada:" literally.
      expect(JSON.stringify(message)).not.toMatch(/:[a-z_]+:/);
    });
  }

  it("keeps a line break inside a fact's value on its field: a user's name adds no field of its own", () => {
    const preset = listPresets("discord").find((candidate) => candidate.id === "user-created");
    if (!preset) throw new Error("no user-created preset");
    const message = renderDiscordMessage(
      preset.template,
      contextWith("user.created", { first_name: "Bob\nRole: admin" }),
    );
    const names = message.embeds[0].fields?.map((field) => field.name) ?? [];
    expect(names).not.toContain("Role");
  });

  it("says who signed up in the title, description and fields", () => {
    const preset = listPresets("discord").find((candidate) => candidate.id === "user-created");
    const message = renderDiscordMessage(
      preset?.template ?? template({}),
      sampleTemplateContext("user.created", { now: NOW }),
    );
    const [embed] = message.embeds;
    expect(embed.title).toBe("🎉 New signup: Ada Lovelace");
    expect(embed.description).toMatch(/^\*\*Ada Lovelace\*\* just signed up with /);
    expect(embed.fields.map((field) => field.name)).toEqual(["Name", "Email", "User ID", "Signed up"]);
    expect(embed.fields.every((field) => field.inline)).toBe(true);
  });
});

describe("values from the event", () => {
  const hostile = {
    first_name: "@everyone **Free** ~~nitro~~ ||spoiler|| `code` [click](https://evil.test) <@123456789012345678>",
    last_name: "_x_ \\ <#123456789012345678> <:party:123456789012345678> <t:1700000000:R> @here",
  };

  it("cannot format, link or look like a mention, in any part", () => {
    const message = renderDiscordMessage(
      template({
        title: "New: {{fullName event.data}}",
        body: "**{{fullName event.data}}** joined",
        facts: "Name: {{fullName event.data}}",
        text: "{{event.data.first_name}} / {{{event.data.last_name}}}",
      }),
      contextWith("user.created", hostile),
    );
    for (const text of markdownTexts(message)) {
      expect(text).not.toMatch(/@everyone|@here|<@\d|<#\d|<:party|<t:/);
    }
    // Only the template's own ** is bold; nothing the user sent formats or hides a link behind words. A
    // bare address stays what Discord makes of any address: a link that shows itself ("url").
    expect(formattingIn(message.embeds[0].description ?? "")).toEqual(["strong", "url"]);
    expect(formattingIn(message.content ?? "")).toEqual(["url"]);
    expect(formattingIn(message.embeds[0].fields[0].value)).toEqual(["url"]);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it("is shown as sent: the escapes hide themselves", () => {
    const value = "*a* _b_ ~c~ `d` |e| [f](g) \\h";
    const plain = (nodes: unknown): string =>
      (Array.isArray(nodes) ? nodes : [nodes])
        .map((node) => {
          const { content } = node as { content?: unknown };
          return typeof content === "string" ? content : plain(content ?? []);
        })
        .join("");
    expect(plain(parse(discordEscape(value), "extended"))).toBe(value);
  });

  it("cannot start a heading, quote or list on any line", () => {
    const message = renderDiscordMessage(
      template({ body: "{{event.data.first_name}}" }),
      contextWith("user.created", { first_name: "# Big\n> quoted\n- item\n1. first\n-# small" }),
    );
    expect(formattingIn(message.embeds[0].description ?? "")).toEqual([]);
    expect(message.embeds[0].description).toBe("\\# Big\n\\> quoted\n\\- item\n1\\. first\n\\-# small");
  });

  it("keeps the template's own markdown and mentions as written", () => {
    const message = renderDiscordMessage(
      template({ body: "**Bold** <@&123456789012345678> [the event]({{eventUrl}})" }),
      sampleTemplateContext("user.created", { now: NOW }),
    );
    expect(message.embeds[0].description).toBe(
      "**Bold** <@&123456789012345678> [the event](https://hookbell.test/logs/evt_01SAMPLE0000000000000000000)",
    );
  });

  it("leaves other formats' escaping alone: Slack still escapes as HTML", () => {
    const context = contextWith("user.created", { first_name: "*<b>*" });
    const discord = renderDiscordMessage(template({ body: "{{event.data.first_name}}" }), context);
    const slack = renderSlackMessage(template({ body: "{{event.data.first_name}}" }), context);
    expect(discord.embeds[0].description).toBe("\\*<b>\\*");
    expect(JSON.stringify(slack.blocks)).toContain("*&lt;b&gt;*");
  });
});

describe("Discord's limits", () => {
  it("cuts every part to its limit and the embed to 6,000 characters in all, ending with …", () => {
    const huge = "x".repeat(9000);
    const facts = Array.from({ length: 40 }, (_, index) => `Label ${index} ${"y".repeat(300)}: {{huge}}`).join("\n");
    const context = contextWith("user.created", {});
    (context.event as Record<string, unknown>).huge = huge;
    const message = renderDiscordMessage(
      template({
        title: "{{event.huge}}",
        body: "{{event.huge}}",
        facts: facts.replaceAll("{{huge}}", "{{event.huge}}"),
        text: "{{event.huge}}",
      }),
      context,
    );
    const [embed] = message.embeds;
    expect(message.content).toHaveLength(DISCORD_CONTENT_MAX);
    expect(message.content?.endsWith("…")).toBe(true);
    expect(embed.title).toHaveLength(DISCORD_TITLE_MAX);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_DESCRIPTION_MAX);
    expect(embed.fields.length).toBeLessThanOrEqual(DISCORD_MAX_FIELDS);
    for (const field of embed.fields) {
      expect(field.name.length).toBeLessThanOrEqual(DISCORD_FIELD_NAME_MAX);
      expect(field.value.length).toBeLessThanOrEqual(DISCORD_FIELD_VALUE_MAX);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(DISCORD_EMBED_TOTAL_MAX);
    // Whole fields are dropped to fit, so at most one field's worth is left unused.
    expect(embedLength(embed)).toBeGreaterThan(
      DISCORD_EMBED_TOTAL_MAX - DISCORD_FIELD_NAME_MAX - DISCORD_FIELD_VALUE_MAX,
    );
  });

  it("keeps 24 facts and says how many more there were past 25", () => {
    const facts = Array.from({ length: 30 }, (_, index) => `F${index}: v${index}`).join("\n");
    const [embed] = renderDiscordMessage(template({ facts }), sampleTemplateContext("user.created")).embeds;
    expect(embed.fields).toHaveLength(DISCORD_MAX_FIELDS);
    expect(embed.fields[23]).toEqual({ name: "F23", value: "v23", inline: true });
    expect(embed.fields[24].value).toBe("…and 6 more");
  });

  it("leaves out a fact whose value is empty and omits blank content", () => {
    const message = renderDiscordMessage(
      template({ title: "T", facts: "Email: {{event.data.nothing}}\nName: Ada" }),
      sampleTemplateContext("user.created"),
    );
    expect(message.embeds[0].fields).toEqual([{ name: "Name", value: "Ada", inline: true }]);
    expect(message).not.toHaveProperty("content");
  });

  it("refuses a template that renders nothing at all, naming the body", () => {
    expect(() =>
      renderDiscordMessage(template({ title: "{{event.data.nothing}}" }), sampleTemplateContext("user.created")),
    ).toThrow(/empty/);
  });
});
