import { readFileSync } from "node:fs";
import path from "node:path";
import type { PresetFact, PresetSpec } from "../senders/preset-spec";
import type { AlertTemplate } from "./alert-template";
import type { TemplateFormatId } from "./template-formats";

// A sender's preset (lib/senders/preset-spec.ts) is written once; this turns it into each format's parts,
// with the same look as the hand-written Clerk presets in templates/: an email laid out like
// templates/email/generic.html.hbs, Slack's header, section and fields, Discord's embed, a Teams card, a
// Telegram message. Values are escaped by each format's part modes (template-formats.ts), so a spec only
// writes plain text.

const ENVIRONMENT_TAG = '{{#if (ne webhook.environment "production")}}[{{webhook.environment}}] {{/if}}';

/** `{{#if …}}` of a fact's expression: a path as is, a helper call as a subexpression. */
function condition(fact: PresetFact): string {
  return fact.value.includes(" ") ? `(${fact.value})` : fact.value;
}

/** "Label: value" lines that chat renderers read as fields; a blank value drops its line there. */
function factLines(facts: PresetFact[], code: (value: string) => string): string {
  return facts
    .map((fact) => {
      const value = `{{${fact.value}}}`;
      return `${fact.label}: ${fact.code ? `{{#if ${condition(fact)}}}${code(value)}{{/if}}` : value}`;
    })
    .join("\n");
}

const COMPOSERS: Record<TemplateFormatId, (spec: PresetSpec) => AlertTemplate> = {
  email: (spec) => ({
    title: `${ENVIRONMENT_TAG}${spec.title}`,
    body: emailHtml(spec),
    text: emailText(spec),
    facts: "",
  }),
  slack: (spec) => ({
    title: `${spec.emoji} ${spec.title}`,
    body: spec.lead,
    facts: factLines(spec.facts, (value) => `\`${value}\``),
    text: `${spec.emoji} ${spec.title}`,
  }),
  // Discord and Teams escape markdown in values, and an escape inside `code` shows its backslash: plain.
  discord: (spec) => ({
    title: `${spec.emoji} ${spec.title}`,
    body: spec.lead,
    facts: factLines(spec.facts, (value) => value),
    text: "",
  }),
  teams: (spec) => ({
    title: `${spec.emoji} ${spec.title}`,
    body: spec.lead,
    facts: factLines(spec.facts, (value) => value),
    text: spec.title,
  }),
  telegram: (spec) => ({
    title: `${spec.emoji} ${spec.title}`,
    body: spec.lead,
    facts: factLines(spec.facts, (value) => `<code>${value}</code>`),
    text: "",
  }),
  // Blank: the event as received, in Hookbell's envelope, like every signed-webhook preset.
  webhook: () => ({ title: "", body: "", text: "", facts: "" }),
};

/** The parts of `spec` for one template format. */
export function composePreset(format: TemplateFormatId, spec: PresetSpec): AlertTemplate {
  return COMPOSERS[format](spec);
}

function emailText(spec: PresetSpec): string {
  const facts = spec.facts
    .map((fact) => `{{#if ${condition(fact)}}}${fact.label}: {{${fact.value}}}\n{{/if}}`)
    .join("");
  return [
    spec.title,
    "",
    spec.lead,
    "",
    `${facts}Received: {{formatDate receivedAt}}`,
    "",
    "View event in Hookbell: {{eventUrl}}",
    "",
    "Event ID: {{eventId}}",
    "",
    "--",
    'Sent by Hookbell for the webhook "{{webhook.name}}" ({{webhook.environment}}).',
  ].join("\n");
}

let layout: string | undefined;

/** templates/email/generic.html.hbs with its preheader, tag, headline and facts table replaced. */
function emailHtml(spec: PresetSpec): string {
  layout ??= readFileSync(path.join(process.cwd(), "templates", "email", "generic.html.hbs"), "utf8").replace(
    /\r?\n$/,
    "",
  );
  const row = layout.match(/<tr class="hb-row">.*?<\/tr>/)?.[0];
  if (!row) throw new Error("templates/email/generic.html.hbs lost its fact rows");
  const rowOf = (label: string, value: string) =>
    row
      .replace(/(<td class="hb-label[^>]*>).*?(<\/td>)/, (_m, open, close) => `${open}${label}${close}`)
      .replace(/(<td class="hb-text"[^>]*>).*(<\/td><\/tr>)$/, (_m, open, close) => `${open}${value}${close}`);
  const mono = (value: string) =>
    `<span style="font-family:SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;">${value}</span>`;
  const rows = spec.facts
    .map((fact) => {
      const value = `{{${fact.value}}}`;
      return `{{#if ${condition(fact)}}}\n${rowOf(fact.label, fact.code ? mono(value) : value)}\n{{/if}}`;
    })
    .concat(rowOf("Received", "{{formatDate receivedAt}}"))
    .join("\n");
  const lead = `<p class="hb-text" style="margin:0 0 20px;font-size:15px;line-height:22px;color:#111827;">${spec.lead}</p>`;
  const around = (inner: string) => (_m: string, open: string, close: string) => `${open}${inner}${close}`;
  return layout
    .replace(/(<title>).*?(<\/title>)/, around(escapeHtml(spec.name)))
    .replace(/(<div style="display:none;[^>]*>).*?(<\/div>)/, around(spec.summary))
    .replace(/(<span class="hb-tag"[^>]*>).*?(<\/span>)/, around(escapeHtml(spec.name)))
    .replace(/(<h1 [^>]*>).*?(<\/h1>)/, (_m, open, close) => `${open}${spec.title}${close}\n${lead}`)
    .replace(
      /(<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;">\n)[\s\S]*?(\n<\/table>)/,
      around(rows),
    );
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
