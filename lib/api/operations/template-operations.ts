import { z } from "zod";
import { previewTemplate } from "../../channels/preview-template";
import { TemplateProblemsError } from "../../channels/save-channel";
import {
  AUTO_PRESET_ID,
  type EmailTemplate as EmailTemplateType,
  getPreset,
  listPresets,
  presetForEvent,
  type SlackTemplate as SlackTemplateType,
} from "../../templates/presets";
import { fieldsError } from "../api-error";
import { defineOperation } from "../operation";
import { EmailTemplate, SlackTemplate } from "../schemas/channel";

const Preset = z.object({
  id: z.string(),
  kind: z.enum(["email", "slack"]),
  name: z.string(),
  description: z.string(),
  event_type: z.string().nullable().describe("The event type it is written for; null for the generic alert."),
  template: z.union([
    EmailTemplate,
    SlackTemplate,
    z
      .strictObject({ title: z.string(), body: z.string(), text: z.string(), facts: z.string() })
      .describe("Slack presets: header, body, notification text and `Label: value` facts, each Handlebars."),
  ]),
});

const PresetList = z.object({ data: z.array(Preset) });

const PreviewRequest = z
  .strictObject({
    webhook_id: z.string().max(64).describe("The webhook whose name, environment and events the preview uses."),
    kind: z.enum(["email", "slack"]),
    template_preset: z.string().max(80).optional().describe("A preset id, or auto (the default without template)."),
    template: z.union([EmailTemplate, SlackTemplate]).optional().describe("A template of your own to render."),
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
  email: EmailTemplate.nullable(),
  slack: z.object({ text: z.string(), blocks: z.array(z.record(z.string(), z.unknown())) }).nullable(),
});

function templateToRender(body: z.output<typeof PreviewRequest>): EmailTemplateType | SlackTemplateType {
  if (body.template !== undefined) {
    if ("html" in body.template !== (body.kind === "email")) {
      throw fieldsError(
        "template",
        body.kind === "email" ? "An email template has subject, html and text." : "A Slack template has text only.",
      );
    }
    return body.template;
  }
  const presetId = body.template_preset ?? AUTO_PRESET_ID;
  const preset =
    presetId === AUTO_PRESET_ID ? presetForEvent(body.kind, body.event_type) : getPreset(body.kind, presetId);
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
      "The presets Hookbell ships, for email and Slack. A channel's `template_preset` is one of these ids or " +
      "auto, which picks the preset written for each event's type, else the generic alert.",
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
          template: { text: ":wave: New signup: {{fullName event.data}}" },
        },
      ],
    },
    handler: async () => ({
      data: (["email", "slack"] as const).flatMap((kind) =>
        listPresets(kind).map((preset) => ({
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
      "Renders a preset or your own template exactly as the worker will, with a sample event or the webhook's " +
      "latest real one. A template that does not compile or render answers 422 naming the part, line and column.",
    body: PreviewRequest,
    status: 200,
    response: Preview,
    responseName: "Preview",
    errors: [404],
    requestExample: { webhook_id: "wh_4xY0k1bQ7mN2pR8sT3vW6zA9", kind: "slack", template_preset: "user-created" },
    responseExample: {
      source: "Sample user.created event",
      email: null,
      slack: { text: "New signup: Ada Lovelace", blocks: [] },
    },
    handler: async ({ db, caller, body }) => {
      const template = templateToRender(body);
      const input = { eventType: body.event_type, source: body.source };
      const result =
        body.kind === "email"
          ? await previewTemplate(db, caller, body.webhook_id, {
              kind: "email",
              template: template as EmailTemplateType,
              ...input,
            })
          : await previewTemplate(db, caller, body.webhook_id, {
              kind: "slack",
              template: template as SlackTemplateType,
              ...input,
            });
      if (!result.ok) throw new TemplateProblemsError(result.problems);
      return { source: result.source, email: result.email ?? null, slack: result.slack ?? null };
    },
  }),
];
