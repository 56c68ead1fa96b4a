import { WorkOS } from "@workos-inc/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hmacScheme } from "@/lib/senders/schemes/hmac";
import type { Verification } from "@/lib/senders/sender";
import { workos } from "@/lib/senders/workos/workos";
import { sampleWorkosEvent } from "@/lib/senders/workos/workos-samples";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Requests are signed with the WorkOS SDK's own webhooks.computeSignature, in the header WorkOS sends
// (`t=<ms>, v1=<hex>`); Hookbell's signing for test events is checked with the SDK's webhooks.constructEvent.

const SECRET = "wh_sec_Kp3x9QvT2mZr7LbN4yHc8FdJ";
const OTHER_SECRET = "wh_sec_Qa1s2d3f4g5h6j7k8l9z0x1c";
const sdk = new WorkOS({ clientId: "client_01HOOKBELLTESTS000000000000" });

/** The WorkOS-Signature header the SDK's signing makes for `event` at `at` (epoch ms). */
async function signatureFor(event: Record<string, unknown>, at = Date.now(), secret = SECRET): Promise<string> {
  const digest = await sdk.webhooks.computeSignature(at, event, secret);
  return `t=${at}, v1=${digest}`;
}

let harness: SenderHarness;
let webhookId: string;

beforeAll(async () => {
  harness = await startSenderHarness();
  webhookId = await harness.connect("workos", SECRET);
});

afterAll(() => harness.close());

const accepted = async (id: string) => (await harness.events(id)).filter((event) => event.outcome === "accepted");

describe("WorkOS requests", () => {
  it("accepts an event signed by the SDK and logs its type, object and event id", async () => {
    const event = sampleWorkosEvent("user.created", new Date());
    expectAccepted(
      await harness.post(webhookId, JSON.stringify(event), { "WorkOS-Signature": await signatureFor(event) }),
    );

    const row = (await accepted(webhookId)).find((entry) => entry.svixId === event.id);
    expect(event.id).toMatch(/^event_[0-9A-Z]{26}$/);
    expect(row).toMatchObject({ eventType: "user.created", eventObject: "user", dedupeKey: event.id });
  });

  it("treats a retry of the same event id, signed again later, as a duplicate", async () => {
    const hook = await harness.connect("workos", SECRET);
    const event = sampleWorkosEvent("dsync.user.deleted", new Date());
    const body = JSON.stringify(event);
    expectAccepted(
      await harness.post(hook, body, { "WorkOS-Signature": await signatureFor(event, Date.now() - 30_000) }),
    );
    const retry = await harness.post(hook, body, { "WorkOS-Signature": await signatureFor(event) });
    expect(retry).toEqual({ status: 200, json: { received: true, duplicate: true } });
    const rows = await accepted(hook);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ duplicateCount: 1, eventObject: "dsync" });
  });

  it("refuses a body changed after signing", async () => {
    const event = sampleWorkosEvent("authentication.password_failed", new Date());
    const header = await signatureFor(event);
    const tampered = JSON.stringify({ ...event, data: { ...(event.data as object), email: "someone@else.dev" } });
    expectRefused(await harness.post(webhookId, tampered, { "WorkOS-Signature": header }), 401, "invalid_signature");
  });

  it("refuses a request signed with another secret", async () => {
    const event = sampleWorkosEvent("organization.created", new Date());
    const header = await signatureFor(event, Date.now(), OTHER_SECRET);
    expectRefused(
      await harness.post(webhookId, JSON.stringify(event), { "WorkOS-Signature": header }),
      401,
      "invalid_signature",
    );
  });

  it("names WorkOS-Signature when it is missing", async () => {
    const event = sampleWorkosEvent("user.created", new Date());
    const message = expectRefused(await harness.post(webhookId, JSON.stringify(event), {}), 400, "missing_headers");
    expect(message).toContain("workos-signature");
    expect(message).toContain("WorkOS");
  });

  it("refuses a signature without its timestamp as not a WorkOS signature", async () => {
    const event = sampleWorkosEvent("user.created", new Date());
    const v1Only = (await signatureFor(event)).split(", ")[1];
    const message = expectRefused(
      await harness.post(webhookId, JSON.stringify(event), { "WorkOS-Signature": v1Only }),
      400,
      "malformed_signature",
    );
    expect(message).toContain('"t=<timestamp>, v1=<signature>"');
  });

  it("refuses a request signed more than 180 s ago, naming WorkOS's tolerance, as the SDK does", async () => {
    const event = sampleWorkosEvent("connection.deactivated", new Date());
    const header = await signatureFor(event, Date.now() - 4 * 60_000);
    const message = expectRefused(
      await harness.post(webhookId, JSON.stringify(event), { "WorkOS-Signature": header }),
      401,
      "timestamp_too_old",
    );
    expect(message).toContain("WorkOS's tolerance is 3 minutes (±180 s)");
    await expect(sdk.webhooks.constructEvent({ payload: event, sigHeader: header, secret: SECRET })).rejects.toThrow(
      /tolerance/,
    );
  });

  it("accepts a request signed 2 minutes ago, inside the tolerance", async () => {
    const event = sampleWorkosEvent("session.created", new Date());
    const header = await signatureFor(event, Date.now() - 2 * 60_000);
    expectAccepted(await harness.post(webhookId, JSON.stringify(event), { "WorkOS-Signature": header }));
  });
});

describe("Hookbell's WorkOS signing (test events)", () => {
  const verification = workos.verification(undefined) as Extract<Verification, { scheme: "hmac" }>;

  it("makes a header the SDK's constructEvent accepts, in WorkOS's `t=…, v1=…` form", async () => {
    const event = sampleWorkosEvent("organization.created", new Date());
    const body = JSON.stringify(event);
    const signed = hmacScheme.sign(body, SECRET, verification, { id: "ignored", now: new Date() });
    expect(signed["workos-signature"]).toMatch(/^t=\d{13}, v1=[0-9a-f]{64}$/);
    const verified = await sdk.webhooks.constructEvent({
      payload: JSON.parse(body),
      sigHeader: signed["workos-signature"],
      secret: SECRET,
    });
    expect(verified).toMatchObject({ id: event.id, event: "organization.created" });
    await expect(
      sdk.webhooks.constructEvent({
        payload: JSON.parse(body),
        sigHeader: signed["workos-signature"],
        secret: OTHER_SECRET,
      }),
    ).rejects.toThrow();
  });
});

describe("WorkOS secrets", () => {
  it("takes the endpoint's secret and refuses an API key or client id, named by prefix only", () => {
    expect(workos.secret.check(SECRET)).toBeUndefined();
    expect(workos.secret.check("sk_test_a2V5XzAxSE9PS0JFTEw")).toMatch(/API key \(sk_…\)/);
    expect(workos.secret.check("sk_test_a2V5XzAxSE9PS0JFTEw")).not.toContain("a2V5");
    expect(workos.secret.check("client_01HOOKBELL")).toMatch(/client ID/);
    expect(workos.secret.check("two words")).toMatch(/no spaces/);
  });
});
