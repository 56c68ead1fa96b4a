import { afterAll, describe, expect, it } from "vitest";
import { CLERK_EVENT_TYPES } from "../senders/clerk/clerk-events";
import { SUMMARY_MAX } from "./limits";
import { RenderPool } from "./render-pool";
import { sampleTemplateContext } from "./sample-context";
import { summarizeEvent } from "./summarize-event";

const NOW = new Date("2026-11-23T14:05:00Z");
const summary = (type: string) => summarizeEvent(sampleTemplateContext(type, { now: NOW }));

describe("summarizeEvent", () => {
  it("states each preset's alert in one line", () => {
    expect(summary("user.created")).toBe("New signup: Ada Lovelace (ada@example.com)");
    expect(summary("user.deleted")).toBe("User deleted: user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d");
    expect(summary("user.locked")).toBe("User locked out: Ada Lovelace (ada@example.com)");
    expect(summary("session.created")).toBe("New sign-in: Ada Lovelace (ada@example.com) from London, GB");
    expect(summary("organization.created")).toBe("New organization: Analytical Engines (1 member)");
    expect(summary("organizationMembership.created")).toBe(
      "New organization member: Ada Lovelace joined Analytical Engines as Member",
    );
    expect(summary("user.updated")).toBe("Event user.updated for user user_2pXq7YbKf3nR9tLmW4cVz8HsJ1d");
  });

  it("says something for every catalog type and for an event with no type or data", () => {
    for (const type of CLERK_EVENT_TYPES) expect(summary(type).length, type).toBeGreaterThan(5);
    const bare = { ...sampleTemplateContext("user.created", { now: NOW }), event: {}, eventType: "" };
    expect(summarizeEvent(bare)).toBe("Event (untyped)");
  });

  it("does not repeat the address when the user has no name", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    Object.assign(context.event.data as object, { first_name: null, last_name: null, username: null });
    expect(summarizeEvent(context)).toBe("New signup: ada@example.com");
  });

  it("keeps to one line of at most 200 characters, whatever the sender put in the name", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    Object.assign(context.event.data as object, {
      first_name: "Ada\r\n\tBcc: x@example.com\u2028",
      last_name: "x".repeat(5000),
    });
    const line = summarizeEvent(context);
    expect(line).toHaveLength(SUMMARY_MAX);
    expect(line.startsWith("New signup: Ada Bcc: x@example.com xxx")).toBe(true);
    expect(line.endsWith("…")).toBe(true);
    expect(line).not.toMatch(/[\r\n\t\u2028]/);
  });

  it("leaves markup as text: the page escapes it, the summary does not build any", () => {
    const context = sampleTemplateContext("user.created", { now: NOW });
    Object.assign(context.event.data as object, { first_name: "<b>Ada</b>", last_name: null });
    expect(summarizeEvent(context)).toBe("New signup: <b>Ada</b> (ada@example.com)");
  });
});

describe("the summary on the render pool", () => {
  const pool = new RenderPool({ threads: 1 });
  afterAll(() => pool.destroy());

  it("renders from the received body on a render thread", async () => {
    const { event, ...facts } = sampleTemplateContext("user.created", { now: NOW });
    const result = await pool.render("prj_a", { op: "summary", context: { ...facts, body: JSON.stringify(event) } });
    expect(result).toEqual({ problems: [], summary: "New signup: Ada Lovelace (ada@example.com)" });
  });

  it("names what it can when the body is not JSON", async () => {
    const { event: _event, ...facts } = sampleTemplateContext("user.created", { now: NOW });
    const result = await pool.render("prj_a", { op: "summary", context: { ...facts, body: "not json" } });
    expect(result.summary).toBe("New signup: unknown user");
  });
});
