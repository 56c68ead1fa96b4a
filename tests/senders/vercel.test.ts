import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemeFor } from "@/lib/senders/schemes/schemes";
import { vercel } from "@/lib/senders/vercel/vercel";
import { expectAccepted, expectRefused, type SenderHarness, startSenderHarness } from "../helpers/sender-harness";

// Vercel ships no verifier, so requests are signed the way its docs say to check them
// (https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks): HMAC-SHA1 of the raw body keyed by the
// webhook's secret, hex, in x-vercel-signature; computed here with node:crypto, not Hookbell's code.

const SECRET = randomBytes(18).toString("base64url");

const signed = (body: string, secret = SECRET) => createHmac("sha1", secret).update(body).digest("hex");

/** A deployment.error delivery shaped as the Webhooks API reference documents it. */
function deploymentError(id: string, createdAt = Date.now()): string {
  return JSON.stringify({
    id,
    type: "deployment.error",
    createdAt,
    region: "iad1",
    payload: {
      team: { id: "team_4FWx5KQoszRi0ZmM9q9IBoKG" },
      user: { id: "zTuNVUXEAvvnNN3IaqinkyMw" },
      deployment: {
        id: "dpl_7Gw1LhX4kP2nR8sT5vB3cZ9q",
        name: "acme-web",
        url: "acme-web-g7k2m9xq4-acme.vercel.app",
        meta: { githubCommitRef: "main", githubCommitMessage: "Fix the checkout button" },
      },
      links: {
        deployment: "https://vercel.com/acme/acme-web/7Gw1LhX4kP2nR8sT5vB3cZ9q",
        project: "https://vercel.com/acme/acme-web",
      },
      target: "production",
      project: { id: "prj_9Yc2F4rWmKq7ZxT1bN6hLp3D" },
      plan: "pro",
      regions: ["iad1"],
    },
  });
}

let harness: SenderHarness;
let webhookId: string;

beforeAll(async () => {
  harness = await startSenderHarness();
  webhookId = await harness.connect("vercel", SECRET);
});

afterAll(async () => {
  await harness?.close();
});

async function accepted(id: string) {
  return (await harness.events(webhookId)).filter((event) => event.outcome === "accepted" && event.svixId === id);
}

describe("Vercel webhooks", () => {
  it("accepts a signed delivery and logs its type, object and id", async () => {
    const body = deploymentError("uHP4Jf8h1E9F6wA3eAAAAAA1");
    expectAccepted(await harness.post(webhookId, body, { "x-vercel-signature": signed(body) }));
    const [stored] = await accepted("uHP4Jf8h1E9F6wA3eAAAAAA1");
    expect(stored).toMatchObject({ eventType: "deployment.error", eventObject: "deployment", body });
    expect(stored.headers).not.toContain(signed(body));
  });

  it("answers a delivery with an id already received as a duplicate and stores it once", async () => {
    const body = deploymentError("uHP4Jf8h1E9F6wA3eAAAAAA2");
    const headers = { "x-vercel-signature": signed(body) };
    expectAccepted(await harness.post(webhookId, body, headers));
    expect(await harness.post(webhookId, body, headers)).toEqual({
      status: 200,
      json: { received: true, duplicate: true },
    });
    const stored = await accepted("uHP4Jf8h1E9F6wA3eAAAAAA2");
    expect(stored).toHaveLength(1);
    expect(stored[0].duplicateCount).toBe(1);
  });

  it("signs no time, so an old delivery still verifies", async () => {
    const body = deploymentError("uHP4Jf8h1E9F6wA3eAAAAAA3", Date.now() - 400 * 24 * 3600 * 1000);
    expectAccepted(await harness.post(webhookId, body, { "x-vercel-signature": signed(body) }));
  });

  it("refuses a tampered body", async () => {
    const body = deploymentError("uHP4Jf8h1E9F6wA3eAAAAAA4");
    const tampered = body.replace('"target":"production"', '"target":"preview"');
    expect(tampered).not.toBe(body);
    expectRefused(
      await harness.post(webhookId, tampered, { "x-vercel-signature": signed(body) }),
      401,
      "invalid_signature",
    );
  });

  it("refuses a delivery signed with another secret", async () => {
    const body = deploymentError("uHP4Jf8h1E9F6wA3eAAAAAA5");
    const answer = await harness.post(webhookId, body, { "x-vercel-signature": signed(body, "another secret") });
    expectRefused(answer, 401, "invalid_signature");
  });

  it("refuses a delivery without x-vercel-signature, naming it", async () => {
    const message = expectRefused(
      await harness.post(webhookId, deploymentError("uHP4Jf8h1E9F6wA3eAAAAAA6"), {}),
      400,
      "missing_headers",
    );
    expect(message).toContain("x-vercel-signature");
    expect(message).toContain("Vercel");
  });

  it("checks HMAC-SHA1 against the RFC 2202 known answer", async () => {
    // RFC 2202 §3 test case 2: key "Jefe", data "what do ya want for nothing?". The signature holds, so the
    // refusal is of the body (not JSON), not of the signature; one digit off is a signature refusal.
    const jefe = await harness.connect("vercel", "Jefe");
    const body = "what do ya want for nothing?";
    const digest = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
    expectRefused(await harness.post(jefe, body, { "x-vercel-signature": digest }), 400, "invalid_payload");
    const wrong = `${digest.slice(0, -1)}8`;
    expectRefused(await harness.post(jefe, body, { "x-vercel-signature": wrong }), 401, "invalid_signature");
  });

  it("signs test events as Vercel's docs verify them", () => {
    const body = deploymentError("uHP4Jf8h1E9F6wA3eAAAAAA7");
    const verification = vercel.verification(undefined);
    const headers = schemeFor(verification).sign(body, SECRET, verification, { id: "x", now: new Date() });
    expect(headers).toEqual({ "x-vercel-signature": signed(body) });
  });

  it("refuses a blank secret and says where Vercel shows it", () => {
    expect(vercel.secret.check(" ")).toContain("Team Settings → Webhooks");
    expect(vercel.secret.check(SECRET)).toBeUndefined();
  });
});
