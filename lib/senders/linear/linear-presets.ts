import type { PresetSpec } from "../preset-spec";

// The Linear events people alert on. Paths are those of Linear's payloads (linear-samples.ts).

const ISSUE = { label: "Issue", value: "event.data.identifier", code: true };
const TEAM = { label: "Team", value: "event.data.team.name" };

export const LINEAR_PRESETS: PresetSpec[] = [
  {
    id: "linear-issue-create",
    eventType: "Issue.create",
    name: "Issue created",
    description: "A new Linear issue",
    emoji: "🆕",
    title: "New issue {{event.data.identifier}}: {{event.data.title}}",
    lead: "{{event.actor.name}} created it in {{event.data.team.name}}.",
    facts: [
      ISSUE,
      TEAM,
      { label: "Priority", value: "event.data.priorityLabel" },
      { label: "State", value: "event.data.state.name" },
      { label: "Assignee", value: "event.data.assignee.name" },
      { label: "Link", value: "event.url" },
    ],
    summary: "{{event.actor.name}} created {{event.data.identifier}}: {{event.data.title}}",
  },
  {
    id: "linear-issue-update",
    eventType: "Issue.update",
    name: "Issue updated",
    description: "A Linear issue changed; the headline says where it moved when its state changed",
    emoji: "🔄",
    title:
      "{{#if event.updatedFrom.stateId}}{{event.data.identifier}} moved to {{event.data.state.name}}{{else}}{{event.data.identifier}} updated{{/if}}: {{event.data.title}}",
    lead: "{{event.actor.name}} updated {{event.data.identifier}} in {{event.data.team.name}}.",
    facts: [
      ISSUE,
      { label: "State", value: "event.data.state.name" },
      TEAM,
      { label: "Priority", value: "event.data.priorityLabel" },
      { label: "Assignee", value: "event.data.assignee.name" },
      { label: "Link", value: "event.url" },
    ],
    summary: "{{event.data.identifier}} is {{event.data.state.name}} ({{event.actor.name}})",
  },
  {
    id: "linear-comment-create",
    eventType: "Comment.create",
    name: "New comment",
    description: "Someone commented on a Linear issue",
    emoji: "💬",
    title: "New comment on {{event.data.issue.identifier}}: {{event.data.issue.title}}",
    lead: "{{event.data.user.name}}: {{event.data.body}}",
    facts: [
      { label: "Issue", value: "event.data.issue.identifier", code: true },
      { label: "Team", value: "event.data.issue.team.name" },
      { label: "Author", value: "event.data.user.name" },
      { label: "Link", value: "event.url" },
    ],
    summary: "{{event.data.user.name}} commented on {{event.data.issue.identifier}}",
  },
  {
    id: "linear-issuesla-breached",
    eventType: "IssueSLA.breached",
    name: "SLA breached",
    description: "An issue's SLA was breached",
    emoji: "⏰",
    title: "SLA breached: {{event.issueData.identifier}} {{event.issueData.title}}",
    lead: "{{event.issueData.identifier}} in {{event.issueData.team.name}} is past its SLA.",
    facts: [
      { label: "Issue", value: "event.issueData.identifier", code: true },
      { label: "Team", value: "event.issueData.team.name" },
      { label: "Priority", value: "event.issueData.priorityLabel" },
      { label: "Breached at", value: "formatDate event.issueData.slaBreachesAt" },
      { label: "Assignee", value: "event.issueData.assignee.name" },
      { label: "Link", value: "event.url" },
    ],
    summary: "SLA breached on {{event.issueData.identifier}}",
  },
  {
    id: "linear-project-update",
    eventType: "Project.update",
    name: "Project updated",
    description: "A Linear project changed (status, health, dates…)",
    emoji: "📈",
    title: "Project {{event.data.name}} updated: {{event.data.status.name}}",
    lead: "{{event.actor.name}} updated {{event.data.name}} (health: {{event.data.health}}).",
    facts: [
      { label: "Project", value: "event.data.name" },
      { label: "Status", value: "event.data.status.name" },
      { label: "Health", value: "event.data.health" },
      { label: "Lead", value: "event.data.lead.name" },
      { label: "Target date", value: "event.data.targetDate" },
      { label: "Link", value: "event.url" },
    ],
    summary: "{{event.data.name}} updated by {{event.actor.name}}",
  },
];
