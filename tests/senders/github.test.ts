import { randomUUID } from "node:crypto";
import examples from "@octokit/webhooks-examples";
import { sign, verify } from "@octokit/webhooks-methods";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { github } from "@/lib/senders/github/github";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// GitHub requests signed by GitHub's own Octokit library (@octokit/webhooks-methods), over payloads from
// @octokit/webhooks-examples, posted to the real HTTP front end on a real database.

const SECRET = "It's a Secret to Everybody";

type Example = Record<string, unknown> & { action?: string };

function example(event: string, action?: string): Example {
  const entry = examples.find((candidate) => candidate.name === event);
  const found = entry?.examples.find((candidate) => (candidate as Example).action === action);
  if (!found) throw new Error(`no example of ${event} ${action ?? ""}`);
  return found as Example;
}

async function githubHeaders(event: string, body: string, secret = SECRET, delivery = randomUUID()) {
  return {
    "x-github-event": event,
    "x-github-delivery": delivery,
    "x-github-hook-id": "109948940",
    "user-agent": "GitHub-Hookshot/2f3c1d4",
    "x-hub-signature-256": await sign(secret, body),
  };
}

let harness: SenderHarness;
let webhookId: string;

beforeAll(async () => {
  harness = await startSenderHarness();
  webhookId = await harness.connect("github", SECRET);
});

afterAll(async () => {
  await harness?.close();
});

async function acceptedEvents() {
  return (await harness.events(webhookId)).filter((event) => event.outcome === "accepted");
}

describe("GitHub webhooks", () => {
  it("accepts a pull_request signed by Octokit and logs its type, object and delivery id", async () => {
    const body = JSON.stringify(example("pull_request", "opened"));
    const headers = await githubHeaders("pull_request", body);
    expectAccepted(await harness.post(webhookId, body, headers));
    const stored = (await acceptedEvents()).find((event) => event.svixId === headers["x-github-delivery"]);
    expect(stored).toMatchObject({
      eventType: "pull_request.opened",
      eventObject: "pull_request",
      secretSlot: "current",
      body,
    });
    // The signature is never kept in the log.
    expect(stored?.headers).not.toContain(headers["x-hub-signature-256"].slice(7));
  });

  it("names an event without an action by its header alone", async () => {
    const body = JSON.stringify(example("ping"));
    const headers = await githubHeaders("ping", body);
    expectAccepted(await harness.post(webhookId, body, headers));
    const stored = (await acceptedEvents()).find((event) => event.svixId === headers["x-github-delivery"]);
    expect(stored).toMatchObject({ eventType: "ping", eventObject: "ping" });
  });

  it("answers a redelivery with the same X-GitHub-Delivery as a duplicate and stores the event once", async () => {
    const body = JSON.stringify(example("issues", "opened"));
    const headers = await githubHeaders("issues", body);
    expectAccepted(await harness.post(webhookId, body, headers));
    const again = await harness.post(webhookId, body, headers);
    expect(again).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const stored = (await acceptedEvents()).filter((event) => event.svixId === headers["x-github-delivery"]);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ eventType: "issues.opened", duplicateCount: 1 });
  });

  it("accepts a form-encoded delivery, signed over the raw form body, and reads the JSON in its payload field", async () => {
    const json = JSON.stringify(example("push"));
    const body = `payload=${encodeURIComponent(json)}`;
    const headers = await githubHeaders("push", body);
    const answer = await harness.post(webhookId, body, {
      ...headers,
      "content-type": "application/x-www-form-urlencoded",
    });
    expectAccepted(answer);
    const stored = (await acceptedEvents()).find((event) => event.svixId === headers["x-github-delivery"]);
    expect(stored).toMatchObject({ eventType: "push", eventObject: "push", body });
  });

  it("refuses a tampered body", async () => {
    const body = JSON.stringify(example("pull_request", "opened"));
    const headers = await githubHeaders("pull_request", body);
    const tampered = body.replace("Update the README", "Delete the README");
    expectRefused(await harness.post(webhookId, tampered, headers), 401, "invalid_signature");
  });

  it("refuses a request signed with another secret", async () => {
    const body = JSON.stringify(example("push"));
    const headers = await githubHeaders("push", body, "not the secret");
    expectRefused(await harness.post(webhookId, body, headers), 401, "invalid_signature");
  });

  it("refuses a request without X-Hub-Signature-256, naming it", async () => {
    const body = JSON.stringify(example("push"));
    const { "x-hub-signature-256": _signature, ...headers } = await githubHeaders("push", body);
    const message = expectRefused(await harness.post(webhookId, body, headers), 400, "missing_headers");
    expect(message).toContain("x-hub-signature-256");
    expect(message).toContain("GitHub");
  });

  it("refuses a request signed only with the legacy SHA-1 X-Hub-Signature", async () => {
    const body = JSON.stringify(example("push"));
    const { "x-hub-signature-256": _signature, ...headers } = await githubHeaders("push", body);
    const { createHmac } = await import("node:crypto");
    const legacy = `sha1=${createHmac("sha1", SECRET).update(body).digest("hex")}`;
    const answer = await harness.post(webhookId, body, { ...headers, "x-hub-signature": legacy });
    const message = expectRefused(answer, 400, "missing_headers");
    expect(message).toMatch(/^Missing required header: x-hub-signature-256\./);
  });

  it("refuses a signature without GitHub's sha256= prefix as malformed", async () => {
    const body = JSON.stringify(example("push"));
    const headers = await githubHeaders("push", body);
    const bare = { ...headers, "x-hub-signature-256": headers["x-hub-signature-256"].slice("sha256=".length) };
    const message = expectRefused(await harness.post(webhookId, body, bare), 400, "malformed_signature");
    expect(message).toContain('"sha256=<signature>"');
  });

  it("signs test events the way Octokit verifies them", async () => {
    const body = JSON.stringify(example("release", "published"));
    const verification = github.verification(undefined);
    const signed = schemeFor(verification).sign(body, SECRET, verification, { id: randomUUID(), now: new Date() });
    expect(await verify(SECRET, body, signed["x-hub-signature-256"])).toBe(true);
    expect(await verify("another secret", body, signed["x-hub-signature-256"])).toBe(false);
  });

  it("refuses a blank secret and says where GitHub's is set", () => {
    expect(github.secret.check("   ")).toContain("Settings → Webhooks → Edit → Secret");
    expect(github.secret.check(SECRET)).toBeUndefined();
  });
});
