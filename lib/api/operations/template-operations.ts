import { z } from "zod";
import { listChannelKinds, requireChannelKind } from "../../channels/kinds/channel-kinds";
import { previewTemplate } from "../../channels/preview-template";
import { TemplateProblemsError } from "../../channels/vet-templates";
import type { AlertTemplate as AlertTemplateType } from "../../templates/alert-template";
import { AUTO_PRESET_ID, getPreset, listPresets, presetForEvent } from "../../templates/presets";
import { fieldsError } from "../api-error";
import { defineOperation } from "../operation";
import { AlertTemplate } from "../schemas/channel";

// The registry at load: every kind, built in or added before this module is first imported.
const kindIds = listChannelKinds().map(({ kind }) => kind);
const Kind = z.enum(kindIds as [string, ...string[]]).describe("The kind of channel the template is for.");

const RenderedEmail = z.object({ subject: z.string(), html: z.string(), text: z.string() });

const Preset = z.object({
  id: z.string(),
  kind: Kind,
  name: z.string(),
  description: z.string(),
  event_type: z.string().nullable().describe("The event type it is written for; null for the generic alert."),
  template: AlertTemplate.describe("The preset's parts as it ships; email presets have no facts."),
});

const PresetList = z.object({ data: z.array(Preset) });

const PreviewRequest = z
  .strictObject({
    webhook_id: z.string().max(64).describe("The webhook whose name, environment and events the preview uses."),
    kind: Kind,
    template_preset: z.string().max(80).optional().describe("A preset id, or auto (the default without template)."),
    template: AlertTemplate.optional().describe("A template of your own to render."),
    event_type: z.string().min(1).max(200).default("user.created"),
    source: z
      .enum(["sample", "latest"])
      .default("sample")
      .describe("sample: a realistic sample event; latest: the webhook's latest real event (of that type if any)."),
  })
  .refine((body) => body.template === undefined || body.template_preset === undefined, {
    path: ["template"],
    message: "Send either template or template_preset, not both.",
  });

const Preview = z.object({
  source: z.string().describe("Which event was rendered."),
  format: z.string().describe("The template format the kind renders (email, slack, …): the shape of `message`."),
  message: z
    .record(z.string(), z.unknown())
    .describe("The rendered alert in the kind's own format, as the worker would send it."),
  email: RenderedEmail.nullable(),
  slack: z
    .object({
      text: z.string().describe("The notification fallback."),
      blocks: z
        .array(z.record(z.string(), z.unknown()))
        .describe("Block Kit: header, sections, fields, context, button."),
    })
    .nullable(),
});

const EXAMPLE_SLACK = {
  text: ":tada: New signup: Ada Lovelace (ada@example.com)",
  blocks: [
    { type: "header", text: { type: "plain_text", text: ":tada: New signup: Ada Lovelace", emoji: true } },
    { type: "section", text: { type: "mrkdwn", text: "*Ada Lovelace* just signed up with ada@example.com." } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: "*Name*\nAda Lovelace" },
        { type: "mrkdwn", text: "*Email*\nada@example.com" },
      ],
    },
  ],
};

function templateToRender(body: z.output<typeof PreviewRequest>): AlertTemplateType {
  if (body.template !== undefined) return body.template;
  const presetId = body.template_preset ?? AUTO_PRESET_ID;
  const { format } = requireChannelKind(body.kind);
  const preset = presetId === AUTO_PRESET_ID ? presetForEvent(format, body.event_type) : getPreset(format, presetId);
  if (!preset)
    throw fieldsError("template_preset", "Choose a template preset listed by GET /api/v1/templates, or auto.");
  return preset.template;
}

export const templateOperations = [
  defineOperation({
    id: "listTemplates",
    method: "GET",
    path: "/templates",
    tag: "Templates",
    summary: "List template presets",
    description:
      "The presets Hookbell ships, per kind of channel, each as an AlertTemplate (title, body, text, facts). A " +
      "channel template row's `preset_id` is one of these ids; with no row for an event's type, the channel " +
      "renders the preset written for it, else the generic alert.",
    status: 200,
    response: PresetList,
    responseName: "PresetList",
    responseExample: {
      data: [
        {
          id: "user-created",
          kind: "slack",
          name: "New signup",
          description: "A user signed up",
          event_type: "user.created",
          template: {
            title: ':tada: New signup: {{default (fullName event.data) "Someone"}}',
            body: '*{{default (fullName event.data) "Someone"}}* just signed up{{#if (primaryEmail event.data)}} with {{primaryEmail event.data}}{{/if}}.',
            text: ':tada: New signup: {{default (fullName event.data) "Someone"}}{{#if (primaryEmail event.data)}} ({{primaryEmail event.data}}){{/if}}',
            facts: "Name: {{fullName event.data}}\nEmail: {{primaryEmail event.data}}",
          },
        },
      ],
    },
    handler: async () => ({
      data: listChannelKinds().flatMap(({ kind, format }) =>
        listPresets(format).map((preset) => ({
          id: preset.id,
          kind,
          name: preset.name,
          description: preset.description,
          event_type: preset.eventType,
          template: preset.template,
        })),
      ),
    }),
  }),
  defineOperation({
    id: "previewTemplate",
    method: "POST",
    path: "/templates/preview",
    tag: "Templates",
    summary: "Render a template preview",
    description:
      "Renders a preset or your own template (an AlertTemplate: title, body, text, facts) exactly as the worker " +
      "will, with a sample event or the webhook's latest real one: an email (subject, html, text) or a Slack " +
      "message (Block Kit and its text fallback). A template that does not compile or render answers 422 naming " +
      "the part (title, body, text or facts), line and column.",
    body: PreviewRequest,
    status: 200,
    response: Preview,
    responseName: "Preview",
    errors: [404],
    requestExample: { webhook_id: "wh_4xY0k1bQ7mN2pR8sT3vW6zA9", kind: "slack", template_preset: "user-created" },
    responseExample: {
      source: "Sample user.created event",
      format: "slack",
      message: EXAMPLE_SLACK,
      email: null,
      slack: EXAMPLE_SLACK,
    },
    handler: async ({ db, caller, body }) => {
      const template = templateToRender(body);
      const result = await previewTemplate(db, caller, body.webhook_id, {
        kind: body.kind,
        template,
        eventType: body.event_type,
        source: body.source,
      });
      if (!result.ok) throw new TemplateProblemsError(result.problems);
      const { ok: _, source, format, ...rendered } = result;
      return {
        source,
        format,
        message: (rendered as Record<string, Record<string, unknown>>)[format],
        email: result.email ?? null,
        slack: result.slack ?? null,
      };
    },
  }),
];
