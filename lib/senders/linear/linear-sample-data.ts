// The `data` of Linear's webhook payloads per entity, with the field names of @linear/sdk's webhook payload
// types (IssueWebhookPayload, CommentWebhookPayload, ProjectWebhookPayload…). Each call builds new objects.

type Json = Record<string, unknown>;

export const WORKSPACE = "https://linear.app/acme";
export const ORGANIZATION_ID = "7d3c8c1a-4f2e-4c8e-9a61-2b9f5d0e6a11";
const TEAM = { id: "a1f4c2d6-0b7e-4d3a-8c5f-9e2b1a6d7c40", key: "ENG", name: "Engineering" };
const ADA = {
  id: "5b0c1e8f-2a9d-4e7b-8c3f-6d1a0b9e2c57",
  name: "Ada Lovelace",
  email: "ada@example.com",
  avatarUrl: null,
  url: `${WORKSPACE}/profiles/ada`,
};
const ISSUE_ID = "e2b7a9c1-6d4f-4b8e-a3c5-1f0d9e8b7a62";
const PROJECT_ID = "c8d1e5f2-7a3b-4c9d-8e6f-0a1b2c3d4e5f";

export function linearUser(): Json {
  return { ...ADA };
}

function stamps(t: number): Json {
  const iso = new Date(t).toISOString();
  return { createdAt: new Date(t - 3_600_000).toISOString(), updatedAt: iso, archivedAt: null };
}

/** The issue's data; `done` moves it to the Done state, as an update that completes it. */
export function linearIssue(t: number, done = false): Json {
  return {
    id: ISSUE_ID,
    ...stamps(t),
    number: 412,
    identifier: "ENG-412",
    title: "Checkout total is off by a cent",
    description: "With three items at $3.33 the total shows $9.98.",
    priority: 2,
    priorityLabel: "High",
    prioritySortOrder: -1250,
    sortOrder: -87.4,
    estimate: 2,
    boardOrder: 0,
    labelIds: ["0c5e7d3a-9f1b-4a2c-8e6d-4b7f1a2c3d90"],
    labels: [{ id: "0c5e7d3a-9f1b-4a2c-8e6d-4b7f1a2c3d90", name: "Bug", color: "#eb5757" }],
    teamId: TEAM.id,
    team: { ...TEAM },
    stateId: done ? "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" : "3f2e1d0c-9b8a-4f7e-8d6c-5b4a3f2e1d0c",
    state: done
      ? { id: "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", name: "Done", color: "#5e6ad2", type: "completed" }
      : { id: "3f2e1d0c-9b8a-4f7e-8d6c-5b4a3f2e1d0c", name: "Todo", color: "#e2e2e2", type: "unstarted" },
    assigneeId: ADA.id,
    assignee: { id: ADA.id, name: ADA.name, email: ADA.email, avatarUrl: null, url: ADA.url },
    creatorId: ADA.id,
    projectId: PROJECT_ID,
    project: { id: PROJECT_ID, name: "Checkout v2", url: `${WORKSPACE}/project/checkout-v2-3c4d5e6f7a8b` },
    completedAt: done ? new Date(t).toISOString() : null,
    startedAt: null,
    canceledAt: null,
    dueDate: null,
    slaStartedAt: null,
    slaBreachesAt: null,
    subscriberIds: [ADA.id],
    previousIdentifiers: [],
    reactionData: [],
    botActor: null,
    url: `${WORKSPACE}/issue/ENG-412/checkout-total-is-off-by-a-cent`,
  };
}

const BUILDERS: Record<string, (t: number) => Json> = {
  Issue: (t) => linearIssue(t),
  Comment: (t) => ({
    id: "f1e2d3c4-b5a6-4978-8a6b-5c4d3e2f1a0b",
    ...stamps(t),
    body: "Rounding per line fixes the cart, but the PDF invoice still sums first.",
    issueId: ISSUE_ID,
    issue: {
      id: ISSUE_ID,
      identifier: "ENG-412",
      title: "Checkout total is off by a cent",
      teamId: TEAM.id,
      team: { ...TEAM },
      url: `${WORKSPACE}/issue/ENG-412/checkout-total-is-off-by-a-cent`,
    },
    userId: ADA.id,
    user: { id: ADA.id, name: ADA.name, email: ADA.email, avatarUrl: null, url: ADA.url },
    reactionData: [],
    editedAt: null,
    parentId: null,
    url: `${WORKSPACE}/issue/ENG-412/checkout-total-is-off-by-a-cent#comment-f1e2d3c4`,
  }),
  Project: (t) => ({
    id: PROJECT_ID,
    ...stamps(t),
    name: "Checkout v2",
    description: "The one-page checkout",
    slugId: "3c4d5e6f7a8b",
    color: "#bec2c8",
    icon: null,
    health: "atRisk",
    priority: 1,
    progress: 0.62,
    statusId: "6e5d4c3b-2a19-4087-b6a5-f4e3d2c1b0a9",
    status: { id: "6e5d4c3b-2a19-4087-b6a5-f4e3d2c1b0a9", name: "In Progress", color: "#f2c94c", type: "started" },
    leadId: ADA.id,
    lead: { id: ADA.id, name: ADA.name, email: ADA.email, avatarUrl: null, url: ADA.url },
    memberIds: [ADA.id],
    teamIds: [TEAM.id],
    startDate: "2026-11-02",
    targetDate: "2026-12-18",
    url: `${WORKSPACE}/project/checkout-v2-3c4d5e6f7a8b`,
  }),
  Cycle: (t) => ({
    id: "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
    ...stamps(t),
    number: 42,
    name: null,
    startsAt: new Date(t - 7 * 86_400_000).toISOString(),
    endsAt: new Date(t + 7 * 86_400_000).toISOString(),
    teamId: TEAM.id,
  }),
  IssueLabel: (t) => ({
    id: "0c5e7d3a-9f1b-4a2c-8e6d-4b7f1a2c3d90",
    ...stamps(t),
    name: "Bug",
    color: "#eb5757",
    teamId: TEAM.id,
  }),
  Reaction: (t) => ({ id: "8b9c0d1e-2f3a-4b5c-8d7e-9f0a1b2c3d4e", ...stamps(t), emoji: "+1", userId: ADA.id }),
  User: (t) => ({ ...linearUser(), ...stamps(t), displayName: "ada", active: true, admin: false, guest: false }),
};

/** The `data` of an event about `entity`; an entity without a builder gets its id and timestamps. */
export function linearData(entity: string, t: number): Json {
  const build = BUILDERS[entity];
  return build ? build(t) : { id: "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d", ...stamps(t) };
}
