import { describe, expect, it } from "vitest";
import { linear } from "./linear";

const NOW = new Date("2026-12-03T12:00:00Z");
const request = (headers: Record<string, string>) => ({ headers: new Headers(headers), body: "{}" });

describe("Linear's identify", () => {
  it("keys on Linear-Delivery, not the body's webhookId, and names the type and action", () => {
    const payload = linear.sample("IssueSLA.breached", NOW);
    expect(linear.identify(request({ "linear-delivery": "d-1" }), payload, undefined)).toEqual({
      messageId: "d-1",
      eventType: "IssueSLA.breached",
      eventObject: "IssueSLA",
    });
    expect(linear.identify(request({}), payload, undefined).messageId).toBeNull();
  });
});

describe("Linear's samples", () => {
  it("stamp webhookTimestamp with now in milliseconds and build new objects on every call", () => {
    const a = linear.sample("Issue.update", NOW);
    const b = linear.sample("Issue.update", NOW);
    expect(a).toEqual(b);
    expect(a.data).not.toBe(b.data);
    expect(a).toMatchObject({ type: "Issue", action: "update", webhookTimestamp: NOW.getTime() });
    // The update moved the issue to Done, and says which state it left.
    expect(a).toMatchObject({ data: { state: { name: "Done" } }, updatedFrom: { stateId: expect.any(String) } });
    expect(linear.sample("OAuthApp.revoked", NOW)).toMatchObject({ type: "OAuthApp", action: "revoked" });
  });
});
