import type { EventGroup } from "../sender";

// The Vercel webhook event types Hookbell knows by name, grouped as the Webhooks API reference
// (vercel.com/docs/webhooks/webhooks-api) and the Create Webhook form group them. Events of other types are
// still accepted and logged; this list drives pickers, presets and samples.

export const VERCEL_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "deployment",
    name: "Deployment",
    types: [
      { type: "deployment.created", description: "A deployment started" },
      { type: "deployment.succeeded", description: "A deployment built and is ready" },
      { type: "deployment.error", description: "A deployment failed" },
      { type: "deployment.canceled", description: "A deployment was canceled" },
      { type: "deployment.promoted", description: "A deployment was promoted to production" },
      { type: "deployment.check-rerequested", description: "Someone asked to rerun a failed check" },
    ],
  },
  {
    id: "project",
    name: "Project",
    types: [
      { type: "project.created", description: "A project was created" },
      { type: "project.removed", description: "A project was removed" },
    ],
  },
  {
    id: "domain",
    name: "Domain",
    types: [{ type: "domain.created", description: "A domain was added" }],
  },
  {
    id: "integration",
    name: "Integration",
    types: [
      { type: "integration-configuration.permission-upgraded", description: "An integration was given more access" },
      { type: "integration-configuration.removed", description: "An integration was removed" },
    ],
  },
];

export const VERCEL_EVENT_TYPES: readonly string[] = VERCEL_EVENT_GROUPS.flatMap((group) =>
  group.types.map((entry) => entry.type),
);
