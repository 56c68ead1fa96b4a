import type { PresetSpec } from "../preset-spec";

// Presets for the GitHub events people alert on. `event` is GitHub's payload; its type is the
// X-GitHub-Event header plus the action.

const REPOSITORY = { label: "Repository", value: "event.repository.full_name" };

export const GITHUB_PRESETS: PresetSpec[] = [
  {
    id: "github-push",
    eventType: "push",
    name: "Push",
    description: "Commits pushed to a branch, with the head commit",
    emoji: "⬆️",
    title: "New push to {{refName event.ref}} in {{event.repository.full_name}}",
    lead: "{{event.pusher.name}} pushed {{event.commits.length}} commit(s): {{event.head_commit.message}}",
    facts: [
      REPOSITORY,
      { label: "Branch", value: "refName event.ref", code: true },
      { label: "Pushed by", value: "event.pusher.name" },
      { label: "Head commit", value: "event.after", code: true },
      { label: "Compare", value: "event.compare" },
    ],
    summary: "{{event.pusher.name}} pushed to {{refName event.ref}} in {{event.repository.full_name}}",
  },
  {
    id: "github-pull-request-opened",
    eventType: "pull_request.opened",
    name: "Pull request opened",
    description: "A new pull request, its author and branches",
    emoji: "🔀",
    title: "Pull request #{{event.number}} opened: {{event.pull_request.title}}",
    lead: "{{event.pull_request.user.login}} wants to merge {{event.pull_request.head.ref}} into {{event.pull_request.base.ref}} in {{event.repository.full_name}}.",
    facts: [
      REPOSITORY,
      { label: "Author", value: "event.pull_request.user.login" },
      { label: "Branch", value: "event.pull_request.head.ref", code: true },
      { label: "Files changed", value: "event.pull_request.changed_files" },
      { label: "Link", value: "event.pull_request.html_url" },
    ],
    summary:
      "{{event.pull_request.user.login}} opened pull request #{{event.number}} in {{event.repository.full_name}}",
  },
  {
    id: "github-pull-request-closed",
    eventType: "pull_request.closed",
    name: "Pull request merged or closed",
    description: "A pull request merged, or closed without merging",
    emoji: "🔀",
    title:
      "Pull request #{{event.number}} {{#if event.pull_request.merged}}merged{{else}}closed without merging{{/if}}: {{event.pull_request.title}}",
    lead: "{{event.sender.login}} {{#if event.pull_request.merged}}merged {{event.pull_request.head.ref}} into {{event.pull_request.base.ref}}{{else}}closed it without merging{{/if}} in {{event.repository.full_name}}.",
    facts: [
      REPOSITORY,
      { label: "Author", value: "event.pull_request.user.login" },
      { label: "Closed by", value: "event.sender.login" },
      { label: "Base branch", value: "event.pull_request.base.ref", code: true },
      { label: "Link", value: "event.pull_request.html_url" },
    ],
    summary:
      "Pull request #{{event.number}} {{#if event.pull_request.merged}}merged{{else}}closed without merging{{/if}} in {{event.repository.full_name}}",
  },
  {
    id: "github-issues-opened",
    eventType: "issues.opened",
    name: "Issue opened",
    description: "A new issue and who opened it",
    emoji: "🐞",
    title: "Issue opened in {{event.repository.full_name}}: {{event.issue.title}}",
    lead: "{{event.issue.user.login}} opened issue #{{event.issue.number}}.",
    facts: [
      REPOSITORY,
      { label: "Opened by", value: "event.issue.user.login" },
      { label: "Issue", value: "event.issue.number" },
      { label: "Link", value: "event.issue.html_url" },
    ],
    summary: "{{event.issue.user.login}} opened issue #{{event.issue.number}} in {{event.repository.full_name}}",
  },
  {
    id: "github-release-published",
    eventType: "release.published",
    name: "Release published",
    description: "A new release, its tag and author",
    emoji: "🚀",
    title: "Release published: {{default event.release.name event.release.tag_name}}",
    lead: "{{event.release.author.login}} published {{event.release.tag_name}} of {{event.repository.full_name}}.",
    facts: [
      REPOSITORY,
      { label: "Tag", value: "event.release.tag_name", code: true },
      { label: "Published by", value: "event.release.author.login" },
      { label: "Target", value: "event.release.target_commitish", code: true },
      { label: "Link", value: "event.release.html_url" },
    ],
    summary: "{{event.repository.full_name}} {{event.release.tag_name}} was published",
  },
  {
    id: "github-workflow-run-completed",
    eventType: "workflow_run.completed",
    name: "Workflow run finished",
    description: "A GitHub Actions run finished; the headline says failed when it failed",
    emoji: "⚙️",
    title:
      'Workflow {{#if (eq event.workflow_run.conclusion "failure")}}failed{{else}}finished ({{event.workflow_run.conclusion}}){{/if}}: {{default event.workflow_run.name event.workflow.name}} on {{event.workflow_run.head_branch}}',
    lead: "Run #{{event.workflow_run.run_number}} of {{default event.workflow_run.name event.workflow.name}} in {{event.repository.full_name}}: {{event.workflow_run.display_title}}",
    facts: [
      REPOSITORY,
      { label: "Conclusion", value: "event.workflow_run.conclusion" },
      { label: "Branch", value: "event.workflow_run.head_branch", code: true },
      { label: "Commit", value: "event.workflow_run.head_sha", code: true },
      { label: "Triggered by", value: "event.workflow_run.event" },
      { label: "Link", value: "event.workflow_run.html_url" },
    ],
    summary:
      "Workflow {{default event.workflow_run.name event.workflow.name}} {{event.workflow_run.conclusion}} on {{event.workflow_run.head_branch}} in {{event.repository.full_name}}",
  },
  {
    id: "github-ping",
    eventType: "ping",
    name: "Webhook ping",
    description: "GitHub's check that a new webhook reaches Hookbell",
    emoji: "🏓",
    title: "GitHub webhook connected{{#if event.repository.full_name}}: {{event.repository.full_name}}{{/if}}",
    lead: "GitHub sent its ping to check this webhook. {{event.zen}}",
    facts: [
      { label: "Hook ID", value: "event.hook_id", code: true },
      { label: "Hook type", value: "event.hook.type" },
      { label: "Repository", value: "event.repository.full_name" },
      { label: "Sent by", value: "event.sender.login" },
    ],
    summary: "GitHub pinged this webhook (hook {{event.hook_id}})",
  },
];
