import type { EventGroup } from "../sender";

// The GitHub webhook events Hookbell knows by name, grouped as GitHub's "Webhook events and payloads" docs
// group them. A type is the X-GitHub-Event header plus "." and the body's action when it has one. Events
// of other types are still accepted and logged; this list drives pickers, presets and samples.

export const GITHUB_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "code",
    name: "Code",
    types: [
      { type: "push", description: "Commits were pushed to a branch or tag" },
      { type: "create", description: "A branch or tag was created" },
      { type: "delete", description: "A branch or tag was deleted" },
      { type: "release.published", description: "A release was published" },
    ],
  },
  {
    id: "pull-requests",
    name: "Pull requests",
    types: [
      { type: "pull_request.opened", description: "A pull request was opened" },
      { type: "pull_request.closed", description: "A pull request was merged or closed" },
      { type: "pull_request.reopened", description: "A closed pull request was reopened" },
      { type: "pull_request.review_requested", description: "Someone was asked to review a pull request" },
      { type: "pull_request_review.submitted", description: "A pull request review was submitted" },
    ],
  },
  {
    id: "issues",
    name: "Issues",
    types: [
      { type: "issues.opened", description: "An issue was opened" },
      { type: "issues.closed", description: "An issue was closed" },
      { type: "issue_comment.created", description: "Someone commented on an issue or pull request" },
    ],
  },
  {
    id: "ci",
    name: "CI",
    types: [
      { type: "workflow_run.completed", description: "A GitHub Actions workflow run finished" },
      { type: "check_suite.completed", description: "All check runs of a check suite finished" },
      { type: "deployment_status.created", description: "A deployment's status changed" },
    ],
  },
  {
    id: "repository",
    name: "Repository",
    types: [
      { type: "star.created", description: "Someone starred the repository" },
      { type: "fork", description: "Someone forked the repository" },
      { type: "repository.created", description: "A repository was created" },
    ],
  },
  {
    id: "meta",
    name: "Meta",
    types: [{ type: "ping", description: "GitHub checks a new webhook (sent once, when it is created)" }],
  },
];

export const GITHUB_EVENT_TYPES: readonly string[] = GITHUB_EVENT_GROUPS.flatMap((group) =>
  group.types.map((entry) => entry.type),
);
