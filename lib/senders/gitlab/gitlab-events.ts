import type { EventGroup } from "../sender";

// GitLab's webhook triggers, in the order of the Trigger list under Settings → Webhooks. A type is the body's
// object_kind, with "." and the action where GitLab sends one (lib/senders/gitlab/gitlab.ts). Pipelines,
// jobs and deployments carry a status instead of an action: one type each, filtered by a condition on
// object_attributes.status (or status), so "every pipeline that failed" is a condition, not a new type.

export const GITLAB_EVENT_GROUPS: readonly EventGroup[] = [
  {
    id: "push",
    name: "Push events",
    types: [{ type: "push", description: "Commits were pushed to a branch" }],
  },
  {
    id: "tag_push",
    name: "Tag push events",
    types: [{ type: "tag_push", description: "A tag was created or deleted" }],
  },
  {
    id: "note",
    name: "Comments",
    // object_attributes.action since GitLab 16.11; an older GitLab's comments are type "note".
    types: [
      { type: "note.create", description: "A comment was made on a commit, merge request, issue or snippet" },
      { type: "note.update", description: "A comment was edited" },
    ],
  },
  {
    id: "issue",
    name: "Issues events",
    types: [
      { type: "issue.open", description: "An issue was opened" },
      { type: "issue.update", description: "An issue was updated" },
      { type: "issue.close", description: "An issue was closed" },
      { type: "issue.reopen", description: "An issue was reopened" },
    ],
  },
  {
    id: "merge_request",
    name: "Merge request events",
    types: [
      { type: "merge_request.open", description: "A merge request was opened" },
      { type: "merge_request.update", description: "A merge request was updated or got new commits" },
      { type: "merge_request.approved", description: "A merge request was approved by all its required approvers" },
      { type: "merge_request.approval", description: "Someone approved a merge request" },
      { type: "merge_request.unapproved", description: "A merge request lost its approval" },
      { type: "merge_request.merge", description: "A merge request was merged" },
      { type: "merge_request.close", description: "A merge request was closed" },
      { type: "merge_request.reopen", description: "A merge request was reopened" },
    ],
  },
  {
    id: "build",
    name: "Job events",
    types: [{ type: "build", description: "A job's status changed (build_status says to what)" }],
  },
  {
    id: "pipeline",
    name: "Pipeline events",
    types: [{ type: "pipeline", description: "A pipeline's status changed (object_attributes.status says to what)" }],
  },
  {
    id: "wiki_page",
    name: "Wiki page events",
    types: [
      { type: "wiki_page.create", description: "A wiki page was created" },
      { type: "wiki_page.update", description: "A wiki page was edited" },
      { type: "wiki_page.delete", description: "A wiki page was deleted" },
    ],
  },
  {
    id: "deployment",
    name: "Deployment events",
    types: [{ type: "deployment", description: "A deployment started, succeeded, failed or was canceled" }],
  },
  {
    id: "feature_flag",
    name: "Feature flag events",
    types: [{ type: "feature_flag", description: "A feature flag was turned on or off" }],
  },
  {
    id: "release",
    name: "Releases events",
    types: [
      { type: "release.create", description: "A release was created" },
      { type: "release.update", description: "A release was updated" },
      { type: "release.delete", description: "A release was deleted" },
    ],
  },
  {
    id: "milestone",
    name: "Milestone events",
    types: [
      { type: "milestone.create", description: "A milestone was created" },
      { type: "milestone.close", description: "A milestone was closed" },
      { type: "milestone.reopen", description: "A milestone was reopened" },
      { type: "milestone.delete", description: "A milestone was deleted" },
    ],
  },
];

/** The X-Gitlab-Event header GitLab sends with each object_kind ("Push Hook"…). */
export const GITLAB_EVENT_HEADERS: Readonly<Record<string, string>> = {
  push: "Push Hook",
  tag_push: "Tag Push Hook",
  note: "Note Hook",
  issue: "Issue Hook",
  merge_request: "Merge Request Hook",
  build: "Job Hook",
  pipeline: "Pipeline Hook",
  wiki_page: "Wiki Page Hook",
  deployment: "Deployment Hook",
  feature_flag: "Feature Flag Hook",
  release: "Release Hook",
  milestone: "Milestone Hook",
};
