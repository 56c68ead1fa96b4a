import { clip, parseRetryAfter, type SendResult } from "./send-result";

/** What came back from the workflow's trigger: its status and body, or why nothing came back. */
export type TeamsAnswer =
  | { kind: "answered"; status: number; statusText: string; body: string; retryAfter: string | null }
  | { kind: "unreachable"; detail: string };

// The trigger answers errors as {"error":{"code","message"}} (Logic Apps / Power Automate). These codes
// mean the workflow is gone or off, or the URL's signature no longer opens it: retrying cannot help.
const WORKFLOW_GONE = new Set([
  "WorkflowNotFound",
  "WorkflowTriggerNotFound",
  "TriggerNotFound",
  "WorkflowTriggerIsNotEnabled",
  "WorkflowNotEnabled",
  "WorkflowDisabled",
]);
const BAD_SIGNATURE = new Set([
  "DirectApiAuthorizationRequired",
  "DirectApiInvalidAuthorizationSignature",
  "DirectApiInvalidAuthorizationScheme",
  "InvalidSignature",
]);
const GONE_FIX =
  "the workflow was deleted or turned off; turn it on again in Teams' Workflows app, or create a new one and save its URL.";
const SIGNATURE_FIX = "the URL's signature is no longer valid; copy the URL again from the workflow.";

/**
 * The workflow's answer as an outcome: any 2xx (202 Accepted) is sent; the error code in the body decides
 * first, then the status: 429 waits as long as Retry-After says, 5xx and network failures retry, 400/413
 * are refusals of this card, 401/403 a bad signature, 404 a workflow that is gone.
 */
export function classifyTeamsAnswer(answer: TeamsAnswer): SendResult {
  if (answer.kind === "unreachable") return { outcome: "retry", error: `Could not reach Teams: ${answer.detail}` };
  const { status, body } = answer;
  if (status >= 200 && status < 300) {
    return {
      outcome: "sent",
      statusCode: status,
      response: clip(body.trim() || `${status} ${answer.statusText}`.trim()),
    };
  }
  const error = parseError(body);
  const said = error ? `${error.code}${error.message ? `: ${error.message}` : ""}` : body.trim();
  const detail = `Teams answered ${status}${said ? ` ${clip(said)}` : ""}`;
  const fail = (fix: string): SendResult => ({ outcome: "failed", statusCode: status, error: `${detail}; ${fix}` });
  if (error && WORKFLOW_GONE.has(error.code)) return fail(GONE_FIX);
  if ((error && BAD_SIGNATURE.has(error.code)) || status === 401 || status === 403) return fail(SIGNATURE_FIX);
  if (status === 429) {
    return {
      outcome: "retry",
      statusCode: 429,
      error: `${detail} (rate limited)`,
      retryAfterMs: parseRetryAfter(answer.retryAfter),
    };
  }
  if (status === 404 || status === 410) return fail(GONE_FIX);
  if (status === 413) return fail("the card is larger than Teams accepts; shorten the template.");
  if (status >= 500 || status === 408) return { outcome: "retry", statusCode: status, error: detail };
  return fail("Teams refused the card; check the template, or the workflow's steps in Teams.");
}

function parseError(body: string): { code: string; message: string } | null {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const code = parsed?.error?.code;
    if (typeof code !== "string" || !code) return null;
    const message = parsed.error?.message;
    return { code, message: typeof message === "string" ? message : "" };
  } catch {
    return null;
  }
}
