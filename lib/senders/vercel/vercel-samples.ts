// Vercel webhook payloads shaped as the Webhooks API reference documents them
// (vercel.com/docs/webhooks/webhooks-api): `{ id, type, createdAt, region, payload }`, the payload with the
// team, user, deployment (its git metadata in `meta`), links, target, project, plan and regions. Every call
// builds new objects, so callers may mutate what they get.

type Json = Record<string, unknown>;

const TEAM_ID = "team_4FWx5KQoszRi0ZmM9q9IBoKG";
const USER_ID = "zTuNVUXEAvvnNN3IaqinkyMw";
const PROJECT_ID = "prj_9Yc2F4rWmKq7ZxT1bN6hLp3D";
const DEPLOYMENT_ID = "dpl_7Gw1LhX4kP2nR8sT5vB3cZ9q";
const PROJECT = "acme-web";
const DEPLOYMENT_URL = "acme-web-g7k2m9xq4-acme.vercel.app";

function deployment(): Json {
  return {
    id: DEPLOYMENT_ID,
    name: PROJECT,
    url: DEPLOYMENT_URL,
    inspectorUrl: `https://vercel.com/acme/${PROJECT}/${DEPLOYMENT_ID.slice(4)}`,
    meta: {
      githubCommitAuthorLogin: "ada",
      githubCommitAuthorName: "Ada Lovelace",
      githubCommitMessage: "Fix the checkout button on mobile",
      githubCommitOrg: "acme",
      githubCommitRef: "main",
      githubCommitRepo: PROJECT,
      githubCommitSha: "3f786850e387550fdab836ed7e6dc881de23001b",
      githubDeployment: "1",
      githubOrg: "acme",
      githubRepo: PROJECT,
    },
  };
}

function deploymentPayload(type: string): Json {
  const payload: Json = {
    team: { id: TEAM_ID },
    user: { id: USER_ID },
    deployment: deployment(),
    links: {
      deployment: `https://vercel.com/acme/${PROJECT}/${DEPLOYMENT_ID.slice(4)}`,
      project: `https://vercel.com/acme/${PROJECT}`,
    },
    target: "production",
    project: { id: PROJECT_ID },
    plan: "pro",
    regions: ["iad1"],
  };
  if (type === "deployment.created") payload.alias = [`${PROJECT}.vercel.app`, "www.acme.com"];
  if (type === "deployment.check-rerequested") return { ...payload, check: { id: "check_2qUy7vN4rS1mT8xP5wK3" } };
  return payload;
}

function payloadOf(type: string): Json {
  if (type.startsWith("deployment.")) return deploymentPayload(type);
  const owner = { team: { id: TEAM_ID }, user: { id: USER_ID } };
  switch (type) {
    case "project.created":
    case "project.removed":
      return { ...owner, project: { id: PROJECT_ID, name: PROJECT } };
    case "domain.created":
      return { ...owner, domain: { name: "acme.com", delegated: false } };
    case "integration-configuration.permission-upgraded":
    case "integration-configuration.removed":
      return {
        ...owner,
        configuration: { id: "icfg_3kQ9pX2mV7nR4tL8", projectSelection: "selected", projects: [PROJECT_ID] },
      };
    default:
      return deploymentPayload(type);
  }
}

/** A Vercel delivery of `eventType` made at `now`; unknown types get a deployment's payload. */
export function sampleVercelEvent(eventType: string, now: Date): Json {
  return {
    id: `uHP4Jf8h1E9F6wA3e${now.getTime().toString(36).slice(-7)}`,
    type: eventType,
    createdAt: now.getTime(),
    region: "iad1",
    payload: payloadOf(eventType),
  };
}
