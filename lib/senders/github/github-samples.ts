import EXAMPLES from "./github-examples.json";

// GitHub's own example payloads, one per catalog type, copied from @octokit/webhooks-examples
// (github.com/octokit/webhooks, MIT licence, by Gregor Martynus and the Octokit contributors; see ./README.md) and trimmed to the
// catalog: that package is a development dependency, so production needs its own copy. Every call
// builds new objects, so callers may mutate what they get.

type Json = Record<string, unknown>;

const BY_TYPE = EXAMPLES as unknown as Record<string, Json>;

/** The repository hook the examples came from, for the headers GitHub sends beside them. */
export const GITHUB_SAMPLE_HOOK_ID = "109948940";
export const GITHUB_SAMPLE_REPOSITORY_ID = "186853002";

/** GitHub's payload for `eventType` ("pull_request.opened", "push"), with its action; ping when unknown. */
export function sampleGithubEvent(eventType: string, now: Date): Json {
  if (eventType === "issues.closed") return closedIssue(now);
  const exact = BY_TYPE[eventType];
  if (exact) return structuredClone(exact);
  // Another action of a known event (pull_request.synchronize): the event's first example under that action.
  const [event, action] = splitType(eventType);
  const sibling = Object.keys(BY_TYPE).find((type) => splitType(type)[0] === event);
  if (sibling && action) return { ...structuredClone(BY_TYPE[sibling]), action };
  return structuredClone(BY_TYPE.ping);
}

/** The X-GitHub-Event header of a type: the part before its action. */
export function githubEventName(eventType: string): string {
  return splitType(eventType)[0];
}

function splitType(type: string): [event: string, action: string | undefined] {
  const dot = type.indexOf(".");
  return dot === -1 ? [type, undefined] : [type.slice(0, dot), type.slice(dot + 1)];
}

/** The examples have no issues.closed; GitHub sends the opened payload's shape with the issue closed. */
function closedIssue(now: Date): Json {
  const event = structuredClone(BY_TYPE["issues.opened"]);
  const issue = event.issue as Json;
  const at = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  Object.assign(issue, { state: "closed", state_reason: "completed", closed_at: at, updated_at: at });
  return { ...event, action: "closed" };
}
