import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitlab } from "@/lib/senders/gitlab/gitlab";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { saveSigningSecret } from "@/lib/webhooks/save-signing-secret";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// GitLab has no library that signs: it sends the webhook's Secret token as is in X-Gitlab-Token. These
// requests carry the headers and payloads of GitLab's own documentation:
// https://docs.gitlab.com/user/project/integrations/webhooks/#delivery-headers (Idempotency-Key, X-Gitlab-*)
// https://docs.gitlab.com/user/project/integrations/webhook_events/#push-events (the push payload below).

const TOKEN = randomBytes(24).toString("base64url");

/** The push payload of GitLab's "Webhook events" page, trimmed to one commit. */
const PUSH = JSON.stringify({
  object_kind: "push",
  event_name: "push",
  before: "95790bf891e76fee5e1747ab589903a6a1f80f22",
  after: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
  ref: "refs/heads/master",
  ref_protected: true,
  checkout_sha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
  user_id: 4,
  user_name: "John Smith",
  user_username: "jsmith",
  user_email: "john@example.com",
  project_id: 15,
  project: {
    id: 15,
    name: "Diaspora",
    web_url: "http://example.com/mike/diaspora",
    path_with_namespace: "mike/diaspora",
    default_branch: "master",
  },
  commits: [
    {
      id: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      message: "fixed readme",
      title: "fixed readme",
      timestamp: "2012-01-03T23:36:29+02:00",
      url: "http://example.com/mike/diaspora/commit/da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
      author: { name: "GitLab dev user", email: "gitlabdev@dv6700.(none)" },
      added: ["CHANGELOG"],
      modified: ["app/controller/application.rb"],
      removed: [],
    },
  ],
  total_commits_count: 4,
});

/** The delivery headers a current GitLab sends (web_hook_service.rb build_headers). */
function gitlabHeaders(event: string, idempotencyKey: string | null, token = TOKEN): Record<string, string> {
  return {
    "User-Agent": "GitLab/18.6.0",
    "X-Gitlab-Event": event,
    "X-Gitlab-Instance": "https://gitlab.example.com",
    "X-Gitlab-Webhook-UUID": randomUUID(),
    "X-Gitlab-Event-UUID": randomUUID(),
    "X-Gitlab-Token": token,
    ...(idempotencyKey === null ? {} : { "Idempotency-Key": idempotencyKey }),
  };
}

let harness: SenderHarness;
beforeAll(async () => {
  harness = await startSenderHarness();
});
afterAll(() => harness.close());

const accepted = async (webhookId: string) =>
  (await harness.events(webhookId)).filter((event) => event.outcome === "accepted");

describe("GitLab webhooks", () => {
  it("accepts a push with the Secret token and logs it as push, keyed by its Idempotency-Key", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const key = randomUUID();
    expectAccepted(await harness.post(webhookId, PUSH, gitlabHeaders("Push Hook", key)));
    const [event] = await accepted(webhookId);
    expect(event).toMatchObject({ eventType: "push", eventObject: "push", svixId: key, secretSlot: "current" });
  });

  it("names a merge request event by its object_kind and action, and a release by its top-level action", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const merged = JSON.stringify(gitlab.sample("merge_request.merge", new Date()));
    expectAccepted(await harness.post(webhookId, merged, gitlabHeaders("Merge Request Hook", randomUUID())));
    const release = JSON.stringify(gitlab.sample("release.create", new Date()));
    expectAccepted(await harness.post(webhookId, release, gitlabHeaders("Release Hook", randomUUID())));
    const pipeline = JSON.stringify(gitlab.sample("pipeline", new Date()));
    expectAccepted(await harness.post(webhookId, pipeline, gitlabHeaders("Pipeline Hook", randomUUID())));
    expect((await accepted(webhookId)).map((event) => event.eventType)).toEqual([
      "merge_request.merge",
      "release.create",
      "pipeline",
    ]);
  });

  it("answers a retry with the same Idempotency-Key as a duplicate and stores one event", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const key = randomUUID();
    expectAccepted(await harness.post(webhookId, PUSH, gitlabHeaders("Push Hook", key)));
    // A retry: new X-Gitlab-Webhook-UUID, same Idempotency-Key.
    const retry = await harness.post(webhookId, PUSH, gitlabHeaders("Push Hook", key));
    expect(retry).toEqual({ status: 200, json: { received: true, duplicate: true } });
    expect(await accepted(webhookId)).toHaveLength(1);
    expect((await accepted(webhookId))[0]?.duplicateCount).toBe(1);
  });

  it("without an Idempotency-Key (a GitLab older than 17) dedupes on the body, never on the shared X-Gitlab-Event-UUID", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const chain = randomUUID();
    const headers = { ...gitlabHeaders("Push Hook", null), "X-Gitlab-Event-UUID": chain };
    expectAccepted(await harness.post(webhookId, PUSH, headers));
    const again = await harness.post(webhookId, PUSH, { ...headers, "X-Gitlab-Webhook-UUID": randomUUID() });
    expect(again.json).toEqual({ received: true, duplicate: true });
    // Another event fired by the same chain of requests carries the same X-Gitlab-Event-UUID: still new.
    const other = JSON.stringify(gitlab.sample("tag_push", new Date()));
    expectAccepted(await harness.post(webhookId, other, { ...headers, "X-Gitlab-Event": "Tag Push Hook" }));
    expect((await accepted(webhookId)).map((event) => event.eventType)).toEqual(["push", "tag_push"]);
  });

  it("refuses another token with invalid_signature and logs why without the token", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const answer = await harness.post(webhookId, PUSH, gitlabHeaders("Push Hook", randomUUID(), `${TOKEN}x`));
    expectRefused(answer, 401, "invalid_signature");
    const [logged] = await harness.events(webhookId);
    expect(logged).toMatchObject({ outcome: "rejected", reasonCode: "invalid_signature" });
    expect(logged?.headers).not.toContain(TOKEN);
    expect(logged?.reasonMessage).not.toContain(TOKEN);
  });

  it("accepts a changed body with the right token: GitLab's token signs nothing, so only the token is checked", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const changed = PUSH.replace("fixed readme", "fixed readme!");
    expectAccepted(await harness.post(webhookId, changed, gitlabHeaders("Push Hook", randomUUID())));
  });

  it("refuses a request without X-Gitlab-Token, naming the header", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const { "X-Gitlab-Token": _token, ...headers } = gitlabHeaders("Push Hook", randomUUID());
    const message = expectRefused(await harness.post(webhookId, PUSH, headers), 400, "missing_headers");
    expect(message).toContain("x-gitlab-token");
    expect(message).toContain("GitLab");
  });

  it("sends test events the way GitLab does: the token in X-Gitlab-Token, accepted by ingest", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const verification = gitlab.verification(undefined);
    const signed = schemeFor(verification).sign(PUSH, TOKEN, verification, { id: "x", now: new Date() });
    expect(signed).toEqual({ "x-gitlab-token": TOKEN });
    const key = randomUUID();
    expectAccepted(await harness.post(webhookId, PUSH, { ...gitlab.sampleHeaders?.("push", key), ...signed }));
    expect((await accepted(webhookId))[0]).toMatchObject({ eventType: "push", svixId: key });
  });

  it("accepts the previous token during its grace period after the token is replaced", async () => {
    const webhookId = await harness.connect("gitlab", TOKEN);
    const next = randomBytes(24).toString("base64url");
    await saveSigningSecret(harness.db, harness.tenant, webhookId, { provider: "gitlab", secret: next });
    expectAccepted(await harness.post(webhookId, PUSH, gitlabHeaders("Push Hook", randomUUID())));
    expectAccepted(await harness.post(webhookId, PUSH, gitlabHeaders("Push Hook", randomUUID(), next)));
    expect((await accepted(webhookId)).map((event) => event.secretSlot)).toEqual(["previous", "current"]);
  });
});

describe("GitLab's Secret token check", () => {
  it("names a GitLab access token pasted by mistake by its prefix only", () => {
    const problem = gitlab.secret.check("glpat-AbCdEf123456");
    expect(problem).toContain("glpat-…");
    expect(problem).not.toContain("AbCdEf123456");
    expect(gitlab.secret.check("a random secret token")).toBeUndefined();
    expect(gitlab.secret.check("two\nlines")).toContain("line breaks");
  });
});
