// The parts GitLab repeats in its payloads (user, project, repository, commit, labels), shaped as in the
// payload examples of GitLab's "Webhook events" page (doc/user/project/integrations/webhook_events.md).
// Each call builds new objects.

type Json = Record<string, unknown>;

export const GITLAB_HOST = "https://gitlab.example.com";
const PATH = "acme/storefront";
export const PROJECT_URL = `${GITLAB_HOST}/${PATH}`;
export const SHA = "da1560886d4f094c3e6c9ef40349f7d38b5d27d7";
export const BEFORE_SHA = "95790bf891e76fee5e1747ab589903a6a1f80f22";
const AVATAR = "https://www.gravatar.com/avatar/e64c7d89f26bd1972efa854d13d7dd61?s=80&d=identicon";

export function gitlabUser(): Json {
  return { id: 4, name: "Ada Lovelace", username: "ada", avatar_url: AVATAR, email: "ada@example.com" };
}

export function gitlabProject(): Json {
  return {
    id: 15,
    name: "Storefront",
    description: "The shop's web front end",
    web_url: PROJECT_URL,
    avatar_url: null,
    git_ssh_url: `git@gitlab.example.com:${PATH}.git`,
    git_http_url: `${PROJECT_URL}.git`,
    namespace: "Acme",
    visibility_level: 0,
    path_with_namespace: PATH,
    default_branch: "main",
    ci_config_path: null,
    homepage: PROJECT_URL,
    url: `git@gitlab.example.com:${PATH}.git`,
    ssh_url: `git@gitlab.example.com:${PATH}.git`,
    http_url: `${PROJECT_URL}.git`,
  };
}

export function gitlabRepository(): Json {
  return {
    name: "Storefront",
    url: `git@gitlab.example.com:${PATH}.git`,
    description: "The shop's web front end",
    homepage: PROJECT_URL,
    git_http_url: `${PROJECT_URL}.git`,
    git_ssh_url: `git@gitlab.example.com:${PATH}.git`,
    visibility_level: 0,
  };
}

export function gitlabCommit(t: number, sha = SHA, title = "Fix checkout total rounding"): Json {
  return {
    id: sha,
    message: `${title}\n\nRound each line before summing.`,
    title,
    timestamp: new Date(t - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    url: `${PROJECT_URL}/-/commit/${sha}`,
    author: { name: "Ada Lovelace", email: "ada@example.com" },
    added: [],
    modified: ["app/checkout/total.ts"],
    removed: [],
  };
}

export function gitlabLabels(): Json[] {
  return [
    {
      id: 206,
      title: "bug",
      color: "#dc143c",
      project_id: 15,
      created_at: "2026-01-12T09:00:00Z",
      updated_at: "2026-01-12T09:00:00Z",
      template: false,
      description: "Something is broken",
      type: "ProjectLabel",
      group_id: null,
    },
  ];
}

/** GitLab's "2026-12-03 12:00:00 UTC" timestamps. */
export function gitlabTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
