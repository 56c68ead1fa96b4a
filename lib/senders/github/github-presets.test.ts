import { describe, expect, it } from "vitest";
import { composePreset } from "../../templates/compose-preset";
import type { TemplateContext } from "../../templates/presets";
import { TEMPLATE_FORMATS } from "../../templates/template-formats";
import { GITHUB_EVENT_GROUPS, GITHUB_EVENT_TYPES } from "./github-events";
import { GITHUB_PRESETS } from "./github-presets";
import { githubEventName, sampleGithubEvent } from "./github-samples";

const NOW = new Date("2026-12-03T12:00:00Z");

function preset(id: string) {
  const found = GITHUB_PRESETS.find((spec) => spec.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

/** The email's plain text of a GitHub preset over `event` (its sample by default). */
function renderText(id: string, event?: Record<string, unknown>): string {
  const spec = preset(id);
  const context: TemplateContext = {
    event: event ?? sampleGithubEvent(spec.eventType, NOW),
    eventId: "evt_01TEST",
    eventType: spec.eventType,
    receivedAt: NOW.toISOString(),
    eventUrl: "https://hookbell.test/logs/evt_01TEST",
    webhook: { id: "wh_1", name: "Repo", environment: "production", sender: "github" },
  };
  const rendered = TEMPLATE_FORMATS.email.render(composePreset("email", spec), context);
  return `${rendered.subject}\n${rendered.text}`;
}

describe("GitHub event catalog and samples", () => {
  it("groups the types as GitHub's docs do, each type once", () => {
    expect(GITHUB_EVENT_GROUPS.map((group) => group.name)).toEqual([
      "Code",
      "Pull requests",
      "Issues",
      "CI",
      "Repository",
      "Meta",
    ]);
    expect(new Set(GITHUB_EVENT_TYPES).size).toBe(GITHUB_EVENT_TYPES.length);
    expect(GITHUB_EVENT_TYPES).toContain("pull_request.opened");
  });

  it("gives every catalog type GitHub's payload with that action and a repository or organization", () => {
    for (const type of GITHUB_EVENT_TYPES) {
      const event = sampleGithubEvent(type, NOW);
      const action = type.includes(".") ? type.slice(type.indexOf(".") + 1) : undefined;
      expect(event.action, type).toBe(action);
      expect(event.sender, type).toMatchObject({ login: expect.any(String) });
    }
    expect(sampleGithubEvent("push", NOW)).toMatchObject({ ref: "refs/heads/master", commits: [expect.any(Object)] });
    expect(sampleGithubEvent("ping", NOW)).toMatchObject({ zen: expect.any(String), hook_id: 109948940 });
  });

  it("closes the issue in issues.closed, at now", () => {
    expect(sampleGithubEvent("issues.closed", NOW).issue).toMatchObject({
      state: "closed",
      closed_at: "2026-12-03T12:00:00Z",
      number: 1,
    });
    expect(sampleGithubEvent("issues.opened", NOW).issue).toMatchObject({ state: "open", closed_at: null });
  });

  it("answers another action of a known event with its payload, anything else with a ping, new objects each time", () => {
    expect(sampleGithubEvent("pull_request.synchronize", NOW)).toMatchObject({
      action: "synchronize",
      pull_request: { number: 2 },
    });
    expect(sampleGithubEvent("team.created", NOW)).toHaveProperty("zen");
    const first = sampleGithubEvent("push", NOW);
    (first.repository as { full_name: string }).full_name = "changed";
    expect(sampleGithubEvent("push", NOW).repository).toMatchObject({ full_name: "Codertocat/Hello-World" });
    expect(githubEventName("pull_request_review.submitted")).toBe("pull_request_review");
    expect(githubEventName("push")).toBe("push");
  });
});

describe("GitHub presets", () => {
  it("names the pushed branch without refs/heads/", () => {
    const text = renderText("github-push");
    expect(text).toContain("New push to master in Codertocat/Hello-World");
    expect(text).toContain("Branch: master\n");
  });

  it("says merged when the pull request was merged, and closed without merging otherwise", () => {
    const closed = sampleGithubEvent("pull_request.closed", NOW);
    expect(renderText("github-pull-request-closed", closed)).toContain(
      "Pull request #2 closed without merging: Update the README with new information.",
    );
    (closed.pull_request as Record<string, unknown>).merged = true;
    const merged = renderText("github-pull-request-closed", closed);
    expect(merged).toContain("Pull request #2 merged: Update the README");
    expect(merged).toContain("merged changes into master");
  });

  it("says failed in the workflow headline when the run failed", () => {
    const run = sampleGithubEvent("workflow_run.completed", NOW);
    expect(renderText("github-workflow-run-completed", run)).toContain("Workflow finished (success): test on master");
    (run.workflow_run as Record<string, unknown>).conclusion = "failure";
    expect(renderText("github-workflow-run-completed", run)).toContain("Workflow failed: test on master");
  });

  it("falls back to the tag when a release has no name", () => {
    expect(renderText("github-release-published")).toContain("Release published: 0.0.1");
  });
});
