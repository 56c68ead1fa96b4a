import { linearData, linearIssue, linearUser, ORGANIZATION_ID, WORKSPACE } from "./linear-sample-data";

// Realistic Linear webhook payloads: the envelope of @linear/sdk's EntityWebhookPayload (action, actor,
// createdAt, data, organizationId, type, updatedFrom, url, webhookId, webhookTimestamp), IssueSlaWebhookPayload
// (issueData instead of data) and OAuthAppWebhookPayload. webhookTimestamp is `now` in epoch milliseconds,
// the signed time the receiver checks.

type Json = Record<string, unknown>;

const WEBHOOK_ID = "0f1e2d3c-4b5a-4968-8776-655443322110";

export function sampleLinearEvent(type: string, now: Date): Json {
  const [entity = "Issue", action = "create"] = type.split(".");
  const t = now.getTime();
  const base = {
    action,
    createdAt: now.toISOString(),
    organizationId: ORGANIZATION_ID,
    type: entity,
    webhookId: WEBHOOK_ID,
    webhookTimestamp: t,
  };
  if (entity === "IssueSLA") {
    const issueData: Json = {
      ...linearIssue(t),
      slaType: "all",
      slaStartedAt: new Date(t - 86_400_000).toISOString(),
      slaBreachesAt: new Date(action === "breached" ? t : t + 3_600_000).toISOString(),
    };
    return { ...base, issueData, url: issueData.url };
  }
  if (entity === "OAuthApp") return { ...base, oauthClientId: "9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a" };
  const data = type === "Issue.update" ? linearIssue(t, true) : linearData(entity, t);
  const event: Json = {
    ...base,
    actor: { ...linearUser(), type: "user" },
    data,
    url: typeof data.url === "string" ? data.url : `${WORKSPACE}/settings`,
  };
  if (action === "update") event.updatedFrom = updatedFrom(entity, t);
  return event;
}

/** What the update changed, as Linear sends it: the previous values of the fields that changed. */
function updatedFrom(entity: string, t: number): Json {
  const updatedAt = new Date(t - 3_600_000).toISOString();
  if (entity === "Issue") {
    return { updatedAt, stateId: "3f2e1d0c-9b8a-4f7e-8d6c-5b4a3f2e1d0c", completedAt: null };
  }
  if (entity === "Project") return { updatedAt, health: "onTrack" };
  return { updatedAt };
}
