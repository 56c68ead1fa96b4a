import { describe, expect, it } from "vitest";
import { gitlab } from "./gitlab";
import { GITLAB_EVENT_GROUPS } from "./gitlab-events";

const request = (headers: Record<string, string>) => ({ headers: new Headers(headers), body: "{}" });

describe("GitLab's identify", () => {
  it("takes the Idempotency-Key, never the UUID headers, and null without it", () => {
    const headers = { "x-gitlab-event-uuid": "chain", "x-gitlab-webhook-uuid": "attempt" };
    const payload = { object_kind: "push" };
    expect(gitlab.identify(request({ ...headers, "idempotency-key": " key-1 " }), payload, undefined)).toEqual({
      messageId: "key-1",
      eventType: "push",
      eventObject: "push",
    });
    expect(gitlab.identify(request(headers), payload, undefined).messageId).toBeNull();
  });

  it("adds object_attributes.action, or a release's top-level action, to the object_kind", () => {
    const identify = (payload: Record<string, unknown>) => gitlab.identify(request({}), payload, undefined).eventType;
    expect(identify({ object_kind: "merge_request", object_attributes: { action: "approved" } })).toBe(
      "merge_request.approved",
    );
    expect(identify({ object_kind: "release", action: "update" })).toBe("release.update");
    // A comment from a GitLab older than 16.11 has no action.
    expect(identify({ object_kind: "note", object_attributes: { note: "hi" } })).toBe("note");
    expect(identify({ object_kind: "pipeline", object_attributes: { status: "failed" } })).toBe("pipeline");
    // Group member events have no object_kind.
    expect(identify({ event_name: "user_add_to_group" })).toBe("user_add_to_group");
  });
});

describe("GitLab's catalog and samples", () => {
  it("lists the trigger groups in GitLab's order and gives each sample its X-Gitlab-Event", () => {
    expect(GITLAB_EVENT_GROUPS.map((group) => group.name)).toEqual([
      "Push events",
      "Tag push events",
      "Comments",
      "Issues events",
      "Merge request events",
      "Job events",
      "Pipeline events",
      "Wiki page events",
      "Deployment events",
      "Feature flag events",
      "Releases events",
      "Milestone events",
    ]);
    expect(gitlab.sampleHeaders?.("merge_request.merge", "k")).toMatchObject({
      "x-gitlab-event": "Merge Request Hook",
      "idempotency-key": "k",
    });
    expect(gitlab.sampleHeaders?.("build", "k")["x-gitlab-event"]).toBe("Job Hook");
  });

  it("builds new objects on every call, timed at now", () => {
    const now = new Date("2026-12-03T12:00:00Z");
    const a = gitlab.sample("pipeline", now);
    const b = gitlab.sample("pipeline", now);
    expect(a).toEqual(b);
    expect(a.object_attributes).not.toBe(b.object_attributes);
    expect(a).toMatchObject({ object_attributes: { status: "failed", finished_at: "2026-12-03 12:00:00 UTC" } });
  });
});
