import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signatureHeader } from "../forward-signature";
import { classifyForwardAnswer } from "../post-signed-webhook";
import { webhookKind } from "./webhook";

const answered = (status: number, body = "", retryAfter: string | null = null) =>
  classifyForwardAnswer({ kind: "answered", status, body, retryAfter });

describe("the signed webhook kind", () => {
  it("reveals the signing secret it generated at create, once, and keeps it when only the URL changes", () => {
    const created = webhookKind.storeFields("ch_reveal", { url: "https://n8n.example.com/webhook/a" });
    const revealed = webhookKind.revealOnCreate?.(created, "ch_reveal");
    expect(revealed).toMatchObject({
      title: "Signing secret",
      value: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    expect(revealed?.note).toContain("shown only this once");
    expect(created.secretConfig).not.toContain(revealed?.value.slice(6));
    // Sealed with the channel's id: the same columns do not open for another channel.
    expect(() => webhookKind.revealOnCreate?.(created, "ch_other")).toThrow();

    const moved = webhookKind.storeFields("ch_reveal", { url: "https://n8n.example.com/webhook/b" }, created);
    expect(webhookKind.revealOnCreate?.(moved, "ch_reveal")?.value).toBe(revealed?.value);
    expect(webhookKind.storeFields("ch_reveal", { url: "" }, created)).toEqual({});
  });

  it("signs so the standardwebhooks library verifies (its own known-answer vector)", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    expect(signatureHeader("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}', [secret])).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
    const now = Math.floor(Date.now() / 1000);
    const header = signatureHeader("msg_1", now, "{}", ["whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD", secret]);
    const headers = { "webhook-id": "msg_1", "webhook-timestamp": String(now), "webhook-signature": header };
    expect(new Webhook(secret).verify("{}", headers)).toEqual({});
  });

  it("reads the endpoint's answers by Standard Webhooks' sender rules", () => {
    expect(answered(204)).toEqual({ outcome: "sent", statusCode: 204, response: "" });
    expect(answered(200, "x".repeat(600))).toMatchObject({ outcome: "sent", response: `${"x".repeat(500)}…` });
    expect(answered(503, "", "120")).toMatchObject({ outcome: "retry", statusCode: 503, retryAfterMs: 120_000 });
    const dated = answered(429, "", new Date(Date.now() + 60_000).toUTCString());
    expect(dated.outcome === "retry" && dated.retryAfterMs).toBeGreaterThan(55_000);
    expect(answered(500, "oops")).toEqual({
      outcome: "retry",
      statusCode: 500,
      error: "The endpoint answered 500: oops",
    });
    expect(answered(304)).toMatchObject({ outcome: "failed", error: expect.stringContaining("redirected") });
    expect(answered(401, "bad signature")).toMatchObject({ outcome: "retry", statusCode: 401 });
    expect(classifyForwardAnswer({ kind: "unreachable", detail: "ECONNREFUSED" })).toEqual({
      outcome: "retry",
      error: "Could not reach the endpoint: ECONNREFUSED",
    });
  });
});
