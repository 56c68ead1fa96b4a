import { describe, expect, it } from "vitest";
import { VERCEL_EVENT_GROUPS, VERCEL_EVENT_TYPES } from "./vercel-events";
import { sampleVercelEvent } from "./vercel-samples";

const NOW = new Date("2026-12-03T12:00:00Z");

describe("Vercel event catalog and samples", () => {
  it("groups the types as Vercel's reference does, each once", () => {
    expect(VERCEL_EVENT_GROUPS.map((group) => group.name)).toEqual(["Deployment", "Project", "Domain", "Integration"]);
    expect(new Set(VERCEL_EVENT_TYPES).size).toBe(VERCEL_EVENT_TYPES.length);
  });

  it("wraps every type in Vercel's envelope, created at now", () => {
    for (const type of VERCEL_EVENT_TYPES) {
      expect(sampleVercelEvent(type, NOW), type).toMatchObject({
        id: expect.any(String),
        type,
        createdAt: NOW.getTime(),
        region: "iad1",
        payload: { team: { id: expect.stringMatching(/^team_/) }, user: { id: expect.any(String) } },
      });
    }
  });

  it("gives deployments their git metadata, links and target, and other families their own object", () => {
    expect(sampleVercelEvent("deployment.error", NOW).payload).toMatchObject({
      deployment: { id: expect.stringMatching(/^dpl_/), name: "acme-web", meta: { githubCommitRef: "main" } },
      links: { deployment: expect.stringMatching(/^https:\/\/vercel\.com\//) },
      target: "production",
      project: { id: expect.stringMatching(/^prj_/) },
    });
    expect(sampleVercelEvent("deployment.created", NOW).payload).toHaveProperty("alias");
    expect(sampleVercelEvent("project.created", NOW).payload).toMatchObject({ project: { name: "acme-web" } });
    expect(sampleVercelEvent("domain.created", NOW).payload).toMatchObject({ domain: { name: "acme.com" } });
  });

  it("returns new objects on every call", () => {
    const first = sampleVercelEvent("deployment.succeeded", NOW);
    (first.payload as { target: string }).target = "preview";
    expect(sampleVercelEvent("deployment.succeeded", NOW).payload).toMatchObject({ target: "production" });
  });
});
