import type { PresetSpec } from "../preset-spec";

// Presets for the Vercel deployment events people alert on. `event` is Vercel's delivery
// `{ id, type, createdAt, region, payload }`; git details are in payload.deployment.meta.

const FACTS = [
  { label: "Project", value: "event.payload.deployment.name" },
  { label: "Target", value: "event.payload.target" },
  { label: "Branch", value: "event.payload.deployment.meta.githubCommitRef", code: true },
  { label: "Commit", value: "event.payload.deployment.meta.githubCommitMessage" },
  { label: "URL", value: "event.payload.deployment.url" },
  { label: "Inspect", value: "event.payload.links.deployment" },
];

const ON = "{{#if event.payload.target}} to {{event.payload.target}}{{/if}}";

export const VERCEL_PRESETS: PresetSpec[] = [
  {
    id: "vercel-deployment-error",
    eventType: "deployment.error",
    name: "Deployment failed",
    description: "A Vercel deployment failed to build or start",
    emoji: "🔴",
    title: "Deployment failed: {{event.payload.deployment.name}}",
    lead: `The deployment of {{event.payload.deployment.name}}${ON} failed. Open it in Vercel to read the build logs.`,
    facts: FACTS,
    summary: "Deployment of {{event.payload.deployment.name}} failed ({{event.payload.deployment.id}})",
  },
  {
    id: "vercel-deployment-succeeded",
    eventType: "deployment.succeeded",
    name: "Deployment succeeded",
    description: "A Vercel deployment built and is ready",
    emoji: "✅",
    title: "Deployment ready: {{event.payload.deployment.name}}",
    lead: `{{event.payload.deployment.name}} deployed${ON}: https://{{event.payload.deployment.url}}`,
    facts: FACTS,
    summary:
      "{{event.payload.deployment.name}} deployed{{#if event.payload.target}} to {{event.payload.target}}{{/if}}",
  },
  {
    id: "vercel-deployment-promoted",
    eventType: "deployment.promoted",
    name: "Deployment promoted",
    description: "A Vercel deployment now serves production",
    emoji: "🚀",
    title: "Promoted to production: {{event.payload.deployment.name}}",
    lead: "{{event.payload.deployment.url}} now serves {{event.payload.deployment.name}}'s production domains.",
    facts: FACTS,
    summary: "{{event.payload.deployment.name}} promoted {{event.payload.deployment.id}} to production",
  },
  {
    id: "vercel-deployment-canceled",
    eventType: "deployment.canceled",
    name: "Deployment canceled",
    description: "A Vercel deployment was canceled before it finished",
    emoji: "⏹️",
    title: "Deployment canceled: {{event.payload.deployment.name}}",
    lead: `The deployment of {{event.payload.deployment.name}}${ON} was canceled.`,
    facts: FACTS,
    summary: "Deployment of {{event.payload.deployment.name}} canceled ({{event.payload.deployment.id}})",
  },
];
